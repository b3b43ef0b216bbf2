package io.interchange.ops.jmx;

import java.lang.reflect.Method;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;

/**
 * Who is calling an MBean: the admin user a Jolokia request authenticated as (set on the request's
 * thread by {@link JolokiaGuard}), or the subject the remote JMX connector logged in
 * ({@link AdminLoginModule}). A local attach (JConsole on the same machine, same OS user) has
 * neither and is trusted as the JDK trusts it.
 */
public final class JmxCaller {

    private static final ThreadLocal<AdminUser> JOLOKIA_USER = new ThreadLocal<>();

    private JmxCaller() {
    }

    public static String name() {
        return user().map(AdminUser::name).orElse("local-jmx");
    }

    /** How the call came: jolokia, jmx (remote connector) or jmx-local. */
    public static String via() {
        if (JOLOKIA_USER.get() != null) {
            return "jolokia";
        }
        return subject().isPresent() ? "jmx" : "jmx-local";
    }

    public static Optional<AdminUser> user() {
        AdminUser jolokia = JOLOKIA_USER.get();
        if (jolokia != null) {
            return Optional.of(jolokia);
        }
        return subject().flatMap(subject -> {
            String name = null;
            AdminRole role = null;
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof JMXPrincipal jmx) {
                    name = jmx.getName();
                } else if (principal instanceof AdminRolePrincipal granted) {
                    role = granted.role();
                }
            }
            return name == null || role == null ? Optional.empty() : Optional.of(new AdminUser(name, role));
        });
    }

    static void runAs(AdminUser user, Runnable call) {
        JOLOKIA_USER.set(user);
        try {
            call.run();
        } finally {
            JOLOKIA_USER.remove();
        }
    }

    /**
     * The JMX connector runs each call inside {@code Subject.doAs}; {@code Subject.current()} (Java 18+)
     * reads it where it exists, {@code Subject.getSubject} on Java 17.
     */
    @SuppressWarnings({"removal", "deprecation"})
    private static Optional<Subject> subject() {
        try {
            Method current = Subject.class.getMethod("current");
            return Optional.ofNullable((Subject) current.invoke(null));
        } catch (NoSuchMethodException e) {
            return Optional.ofNullable(Subject.getSubject(AccessController.getContext()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
