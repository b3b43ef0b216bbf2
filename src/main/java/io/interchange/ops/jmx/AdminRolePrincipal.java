package io.interchange.ops.jmx;

import java.io.Serializable;
import java.security.Principal;

import io.interchange.ops.admin.AdminRole;

/**
 * The role of a remote JMX user, next to its {@code JMXPrincipal} in the authenticated subject. Its
 * name has a colon, which no user name has: the access controller grants access by any principal's name, so a
 * role must never read as the name of a user in the access file ({@link JmxAccessFile}).
 */
public record AdminRolePrincipal(AdminRole role) implements Principal, Serializable {

    @Override
    public String getName() {
        return "role:" + role.apiName();
    }
}
