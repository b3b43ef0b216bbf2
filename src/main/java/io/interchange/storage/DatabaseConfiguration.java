package io.interchange.storage;

import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import io.interchange.observe.DatabaseHealthCheck;
import org.flywaydb.core.Flyway;

/**
 * The JDBC store behind tracking and idempotency: H2 in a file by default, PostgreSQL when
 * {@code interchange.db.url} points at one. The schema comes from Flyway migrations under
 * {@code db/migration}, applied at start-up before any route runs.
 */
public class DatabaseConfiguration implements CamelConfiguration {

    /** The pool, migrated before anything uses it, and closed after every route and service using it has stopped. */
    @BindToRegistry("dataSource")
    public DataSource dataSource(CamelContext context,
                                 @PropertyInject("interchange.db.url") String url,
                                 @PropertyInject(value = "interchange.db.username", defaultValue = "") String username,
                                 @PropertyInject(value = "interchange.db.password", defaultValue = "") String password,
                                 @PropertyInject(value = "interchange.db.pool-size", defaultValue = "20") int poolSize)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setPoolName("interchange-db");
        config.setJdbcUrl(durable(url));
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        // added when first used: services are stopped in reverse order, so those built on the pool stop before it closes
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pool.close();
            }
        }, true, true);
        return pool;
    }

    /**
     * The URL with H2's write delay off for an H2 file database: by default H2 writes a commit to its
     * file up to 500 ms later, and a {@code kill -9} in between loses a transaction whose sender was
     * already answered. With {@code WRITE_DELAY=0} the commit is in the file (the OS's page cache)
     * before it returns. A URL that sets its own WRITE_DELAY, or is not H2 in a file, is kept as is.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.startsWith("jdbc:h2:./")
                || jdbcUrl.startsWith("jdbc:h2:/") || jdbcUrl.startsWith("jdbc:h2:~");
        if (!h2File || jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";WRITE_DELAY=0";
    }

    @Override
    public void configure(CamelContext context) {
        HealthCheckRegistry.get(context).register(new DatabaseHealthCheck(context.getRegistry().findSingleByType(DataSource.class)));
    }
}
