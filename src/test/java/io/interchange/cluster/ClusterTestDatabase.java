package io.interchange.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** A fresh H2 database with Interchange's schema, for the cluster tables' unit tests. */
final class ClusterTestDatabase {

    private ClusterTestDatabase() {
    }

    static HikariDataSource create() {
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:file:" + Files.createTempDirectory("cluster-test-").resolve("db") + ";WRITE_DELAY=0");
            config.setUsername("sa");
            config.setMaximumPoolSize(4);
            HikariDataSource dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
