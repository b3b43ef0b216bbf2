package io.interchange.ops.jmx;

import java.io.Serializable;
import java.security.Principal;

import io.interchange.ops.admin.AdminRole;

/** The role of a remote JMX user, next to its {@code JMXPrincipal} in the authenticated subject. */
public record AdminRolePrincipal(AdminRole role) implements Principal, Serializable {

    @Override
    public String getName() {
        return role.apiName();
    }
}
