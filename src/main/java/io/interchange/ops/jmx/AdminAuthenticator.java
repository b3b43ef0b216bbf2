package io.interchange.ops.jmx;

import java.util.Set;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import io.interchange.ops.admin.AdminUser;
import io.interchange.ops.admin.AdminUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remote JMX logins with the admin users' names and passwords (JConsole: user name / password fields). */
public class AdminAuthenticator implements JMXAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthenticator.class);

    private final AdminUsers users;

    public AdminAuthenticator(AdminUsers users) {
        this.users = users;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2) {
            LOG.warn("Remote JMX connection without user name and password refused");
            throw new SecurityException("Credentials required: user name and password of an admin user");
        }
        AdminUser user = users.authenticate(pair[0], pair[1]).orElseThrow(() -> {
            LOG.warn("Remote JMX login refused for user '{}'", pair[0]);
            return new SecurityException("Authentication failed");
        });
        LOG.info("Remote JMX login: {} ({})", user.name(), user.role().apiName());
        return new Subject(true, Set.of(new JMXPrincipal(user.name()), new AdminRolePrincipal(user.role())),
                Set.of(), Set.of());
    }
}
