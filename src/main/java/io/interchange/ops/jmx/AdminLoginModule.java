package io.interchange.ops.jmx;

import java.io.IOException;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Map;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.admin.AdminUser;

/**
 * The remote JMX login (the JDK's JAAS authenticator, {@code jmx.remote.x.login.config}, what the
 * management agent's {@code jmxremote.login.config} sets) with the admin users: the
 * name and password JConsole sends are checked by {@link AdminLogin}, throttled like every admin
 * login, and the subject gets the user's name (which the generated access file grants readonly or
 * readwrite) and role (which the audit reads, {@link JmxCaller}). The JDK creates the module by
 * reflection, so the login it uses comes in the entry's options ({@link JmxLoginRealm}).
 */
public final class AdminLoginModule implements LoginModule {

    static final String LOGIN_OPTION = "interchange.adminLogin";

    private Subject subject;
    private CallbackHandler callbacks;
    private AdminLogin login;
    private AdminUser user;
    private JMXPrincipal namePrincipal;
    private AdminRolePrincipal rolePrincipal;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.login = (AdminLogin) options.get(LOGIN_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Credentials required: user name and password of an admin user");
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        if (name.getName() == null || secret == null) {
            throw new FailedLoginException("Credentials required: user name and password of an admin user");
        }
        AdminLogin.Result result = login.login(name.getName(), new String(secret), clientHost());
        user = result.user().orElseThrow(() -> new FailedLoginException(result.retryAfterSeconds()
                .map(seconds -> "too many failed logins; try again in " + seconds + " s")
                .orElse("wrong user name or password")));
        return true;
    }

    @Override
    public boolean commit() {
        if (user == null) {
            return false;
        }
        namePrincipal = new JMXPrincipal(user.name());
        rolePrincipal = new AdminRolePrincipal(user.role());
        subject.getPrincipals().add(namePrincipal);
        subject.getPrincipals().add(rolePrincipal);
        return true;
    }

    @Override
    public boolean abort() {
        logout();
        return user != null;
    }

    @Override
    public boolean logout() {
        if (namePrincipal != null) {
            subject.getPrincipals().remove(namePrincipal);
            subject.getPrincipals().remove(rolePrincipal);
        }
        user = null;
        return true;
    }

    /** The RMI client's address: the connector logs in on the RMI call's thread. */
    private static String clientHost() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return null;
        }
    }
}
