package io.interchange.storage;

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
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
            dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return dataSource;
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
