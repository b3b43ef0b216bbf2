package io.interchange.webhook;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Camel's JDBC idempotent repository, safe for concurrent adds of one key. Its {@code add} checks
 * for the key, then inserts: two concurrent deliveries of one id can both pass the check, and the
 * second insert then fails on the primary key. That failure means "already there", so it is
 * answered as a duplicate instead of an error.
 */
public class DeliveryIdRepository extends JdbcMessageIdRepository {

    public DeliveryIdRepository(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean add(String key) {
        try {
            return super.add(key);
        } catch (DataIntegrityViolationException concurrentInsertOfTheSameKey) {
            return false;
        }
    }
}
