package io.interchange.sftp;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * Which instance is reading which partner file, in the database shared by the cluster (Camel's
 * {@code CAMEL_MESSAGEPROCESSED}): a claim is taken before the file is read, kept alive while it
 * is read, and taken over by another instance once its holder stops keeping it alive (it died).
 * A claim ends when the file is done: the file then leaves {@code inbound/}, so nothing is left to
 * guard, and a partner may later drop a file of the same name and size again (it is processed,
 * and the business keys and the interchange register keep its effect single).
 */
public class FileClaims extends JdbcOrphanLockAwareIdempotentRepository {

    public FileClaims(DataSource dataSource, CamelContext context, long maxAgeMs, long keepAliveMs) {
        super(dataSource, "sftp-intake", context);
        setCreateTableIfNotExists(false);
        setLockMaxAgeMillis(maxAgeMs);
        setLockKeepAliveIntervalMillis(keepAliveMs);
    }

    /** Called when the file is done (just before it is moved away): the claim is released. */
    @Override
    public boolean confirm(String key) {
        remove(key);
        return true;
    }
}
