package io.interchange.ops.jmx;

import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.util.Set;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import io.interchange.ops.admin.AdminUser;
import io.interchange.ops.admin.AdminLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX logins with the admin users' names and passwords (JConsole: user name / password fields),
 * throttled like every admin login ({@link AdminLogin}).
 */
public class AdminAuthenticator implements JMXAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthenticator.class);

    private final AdminLogin login;

    public AdminAuthenticator(AdminLogin login) {
        this.login = login;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2) {
            LOG.warn("Remote JMX connection without user name and password refused");
            throw new SecurityException("Credentials required: user name and password of an admin user");
        }
        AdminLogin.Result result = login.login(pair[0], pair[1], clientHost());
        AdminUser user = result.user().orElseThrow(() -> {
            LOG.warn("Remote JMX login refused for user '{}'", pair[0]);
            return new SecurityException(result.retryAfterSeconds()
                    .map(seconds -> "Too many failed logins; try again in " + seconds + " s")
                    .orElse("Authentication failed"));
        });
        LOG.info("Remote JMX login: {} ({})", user.name(), user.role().apiName());
        return new Subject(true, Set.of(new JMXPrincipal(user.name()), new AdminRolePrincipal(user.role())),
                Set.of(), Set.of());
    }

    /** The RMI client's address: the connector authenticates on the RMI call's thread. */
    private static String clientHost() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException e) {
            return null;
        }
    }
}
