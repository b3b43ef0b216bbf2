package io.interchange.sftp;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which instance is reading which partner file, in the database shared by the cluster (Camel's
 * {@code CAMEL_MESSAGEPROCESSED}, processor {@code sftp-intake}): a claim is taken before the file
 * is read, kept alive while it is read, and taken over by another instance once its holder stopped
 * keeping it alive for {@code maxAgeMs} (it died). A claim ends when the file is done: the file then
 * leaves {@code inbound/}, so nothing is left to guard, and a partner may later drop a file of the
 * same name and size again (it is processed, and the business keys and the interchange register keep
 * its effect single).
 *
 * <p>Each decision is one statement, so the database settles a race between instances: a new claim is
 * an insert (the primary key lets one instance in), a takeover an update conditional on the claim's
 * age (of two instances taking over one orphan, the second finds it fresh). Camel's
 * {@code JdbcOrphanLockAwareIdempotentRepository}, which this replaces, reads first and writes after:
 * an instance that looked while another was inserting the same key then "took over" the fresh claim
 * and both read the file (a cluster test run caught two 997s for one file that way), and a claim taken
 * over was never kept alive. docs/operations.md (section 15) has the report for Camel.
 */
public class FileClaims extends JdbcMessageIdRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);
    private static final String TAKE_OVER = "UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ?"
            + " WHERE processorName = ? AND messageId = ? AND createdAt < ?";
    private static final String KEEP_ALIVE = "UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ?"
            + " WHERE processorName = ? AND messageId = ?";
    private static final String LIVE = "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED"
            + " WHERE processorName = ? AND messageId = ? AND createdAt >= ?";

    private final CamelContext context;
    private final long maxAgeMs;
    private final long keepAliveMs;
    /** The claims this instance holds: their time is renewed every {@code keepAliveMs}. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService keepAlive;

    public FileClaims(DataSource dataSource, CamelContext context, long maxAgeMs, long keepAliveMs) {
        super(dataSource, "sftp-intake");
        if (maxAgeMs <= keepAliveMs) {
            throw new IllegalArgumentException("a claim's max age (" + maxAgeMs + " ms) must exceed its keep-alive interval ("
                    + keepAliveMs + " ms)");
        }
        this.context = context;
        this.maxAgeMs = maxAgeMs;
        this.keepAliveMs = keepAliveMs;
        setCreateTableIfNotExists(false);
    }

    /** Claims {@code key}: true if it was free or its holder stopped keeping it alive. */
    @Override
    public boolean add(String key) {
        long now = System.currentTimeMillis();
        boolean claimed;
        try {
            claimed = transactionTemplate.execute(status ->
                    jdbcTemplate.update(getInsertString(), processorName, key, new Timestamp(now))) == 1;
        } catch (DuplicateKeyException held) {
            // a separate transaction: on PostgreSQL the failed insert has ended the first one
            claimed = transactionTemplate.execute(status -> jdbcTemplate.update(TAKE_OVER, new Timestamp(now),
                    processorName, key, new Timestamp(now - maxAgeMs))) == 1;
            if (claimed) {
                LOG.info("File claim {} taken over: its holder had not renewed it for {} ms", key, maxAgeMs);
            }
        }
        if (claimed) {
            held.add(key);
        }
        return claimed;
    }

    /** Whether an instance holds {@code key} and keeps it alive (an orphaned claim does not count). */
    @Override
    public boolean contains(String key) {
        Integer live = jdbcTemplate.queryForObject(LIVE, Integer.class, processorName, key,
                new Timestamp(System.currentTimeMillis() - maxAgeMs));
        return live != null && live > 0;
    }

    @Override
    public boolean remove(String key) {
        held.remove(key);
        return super.remove(key);
    }

    /** Called when the file is done (just before it is moved away): the claim is released. */
    @Override
    public boolean confirm(String key) {
        remove(key);
        return true;
    }

    /** Renews the time of every claim this instance holds. */
    void keepAlive() {
        List<String> keys = List.copyOf(held);
        if (keys.isEmpty()) {
            return;
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> rows = keys.stream().map(key -> new Object[] {now, processorName, key}).toList();
        try {
            transactionTemplate.execute(status -> jdbcTemplate.batchUpdate(KEEP_ALIVE, rows));
        } catch (RuntimeException e) {
            // the next round tries again; a claim left unrenewed for maxAgeMs may be taken over
            LOG.warn("Cannot renew {} file claim(s): {}", keys.size(), e.getMessage());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        keepAlive = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "FileClaims");
        keepAlive.scheduleWithFixedDelay(this::keepAlive, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) {
            context.getExecutorServiceManager().shutdownGraceful(keepAlive);
            keepAlive = null;
        }
        super.doStop();
    }
}
