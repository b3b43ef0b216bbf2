package io.interchange.ops.admin;

import java.util.Locale;

/** What an admin user may do: {@code viewer} reads, {@code ops} reads and acts. */
public enum AdminRole {
    VIEWER,
    OPS;

    public boolean includes(AdminRole required) {
        return this == OPS || required == VIEWER;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AdminRole parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown admin role '" + value + "'; use ops or viewer", e);
        }
    }
}
