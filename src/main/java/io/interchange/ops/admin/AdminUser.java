package io.interchange.ops.admin;

/** An authenticated admin user. */
public record AdminUser(String name, AdminRole role) {

    public boolean may(AdminRole required) {
        return role.includes(required);
    }
}
