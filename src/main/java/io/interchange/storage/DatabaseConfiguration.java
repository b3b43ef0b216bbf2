package io.interchange.storage;

import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;

/**
 * The JDBC store behind tracking and idempotency: H2 in a file by default, PostgreSQL when
 * {@code interchange.db.url} points at one. The schema comes from Flyway migrations under
 * {@code db/migration}, applied at start-up before any route runs.
 */
public class DatabaseConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.db.url")
    private String url;
    @PropertyInject(value = "interchange.db.username", defaultValue = "")
    private String username;
    @PropertyInject(value = "interchange.db.password", defaultValue = "")
    private String password;
    @PropertyInject(value = "interchange.db.pool-size", defaultValue = "10")
    private int poolSize;

    private HikariDataSource dataSource;

    @BindToRegistry("dataSource")
    public DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("interchange-db");
            config.setJdbcUrl(durable(url));
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
            dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return dataSource;
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

    /** Keys of orders whose ERP outcome (accepted or rejected) is settled. */
    @BindToRegistry("erpOrdersRepository")
    public JdbcMessageIdRepository erpOrdersRepository() {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource(), "erp-orders");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pool.close();
            }
        }, true, true);
    }
}
