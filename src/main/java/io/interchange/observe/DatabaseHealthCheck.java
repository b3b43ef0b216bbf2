package io.interchange.observe;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the tracking and idempotency database answers within two seconds. */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        super("interchange", "database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up().detail("database", connection.getMetaData().getDatabaseProductName());
            } else {
                builder.down().message("Database connection is not valid");
            }
        } catch (Exception e) {
            builder.down().error(e).message("Database unreachable: " + e.getMessage());
        }
    }
}
