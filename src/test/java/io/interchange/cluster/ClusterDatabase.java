package io.interchange.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fresh database for one cluster run on the PostgreSQL server named by
 * INTERCHANGE_TEST_POSTGRES_URL/USER/PASSWORD (.ci/run starts one). The cluster test cannot run
 * on H2 (two processes share the database), so without that server it fails, saying so.
 */
public final class ClusterDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String password;
    private final String name;

    private ClusterDatabase(String server, String user, String password, String name) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static ClusterDatabase create() throws SQLException {
        String server = System.getenv("INTERCHANGE_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("The cluster test (-Pcluster) needs PostgreSQL: set INTERCHANGE_TEST_POSTGRES_URL"
                    + " (and _USER, _PASSWORD) to a server whose user may create databases, as .ci/run does");
        }
        ClusterDatabase database = new ClusterDatabase(server,
                System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_USER", "interchange"),
                System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_PASSWORD", "interchange"),
                "interchange_cluster_" + System.currentTimeMillis());
        database.execute("create database " + database.name);
        return database;
    }

    /** The properties that point an Interchange instance at this database. */
    public Map<String, String> properties() {
        return Map.of("interchange.db.url", server.replaceAll("/[^/]*$", "/" + name),
                "interchange.db.username", user,
                "interchange.db.password", password);
    }

    @Override
    public void close() throws SQLException {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
