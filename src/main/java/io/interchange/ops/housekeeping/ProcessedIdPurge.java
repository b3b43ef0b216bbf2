package io.interchange.ops.housekeeping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of Camel's idempotent repositories ({@code CAMEL_MESSAGEPROCESSED}) that are older
 * than their processor's retention, so the table stops growing for ever. A processor without a
 * retention is never touched. Deletes in batches (each its own transaction), so a first run on a
 * large backlog does not hold one long lock; every instance of a cluster may run it, the deletes do
 * not conflict. Counted in {@code interchange_housekeeping_removed_total{table,processor}} and logged.
 */
public class ProcessedIdPurge {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedIdPurge.class);
    private static final String TABLE = "CAMEL_MESSAGEPROCESSED";
    // one batch of expired ids by the (processorName, createdAt) index, then deleted by key: a delete
    // with an IN (subquery ... fetch first) ran the subquery once per row of the repository on H2.
    // FETCH FIRST is standard SQL that H2 and PostgreSQL both run
    private static final String SELECT_BATCH = "select messageId from " + TABLE
            + " where processorName = ? and createdAt < ? order by createdAt fetch first ? rows only";
    private static final String DELETE_ONE = "delete from " + TABLE + " where processorName = ? and messageId = ?";

    /** How long the ids of one idempotent repository are kept. */
    public record Retention(String processorName, Duration keep) {
    }

    private final DataSource dataSource;
    private final List<Retention> retentions;
    private final int batchSize;
    private final MeterRegistry metrics;
    private final Clock clock;

    public ProcessedIdPurge(DataSource dataSource, List<Retention> retentions, int batchSize, MeterRegistry metrics,
            Clock clock) {
        this.dataSource = dataSource;
        this.retentions = List.copyOf(retentions);
        this.batchSize = Math.max(1, batchSize);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Removes what has expired; the rows removed per processor name. */
    public Map<String, Integer> purge() throws SQLException {
        Map<String, Integer> removed = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Retention retention : retentions) {
            int count = purge(retention.processorName(), now.minus(retention.keep()));
            removed.put(retention.processorName(), count);
            if (count > 0) {
                LOG.info("Housekeeping removed {} {} row(s) of {} older than {} days", count, TABLE,
                        retention.processorName(), retention.keep().toDays());
            }
        }
        return removed;
    }

    private int purge(String processorName, Instant olderThan) throws SQLException {
        Counter counter = Counter.builder("interchange.housekeeping.removed")
                .description("Rows removed by housekeeping, by table and idempotent repository")
                .tag("table", TABLE)
                .tag("processor", processorName)
                .register(metrics);
        int total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT_BATCH);
                PreparedStatement delete = connection.prepareStatement(DELETE_ONE)) {
            // createdAt is a plain timestamp written in the JVM's zone by Camel's repository: compare alike
            Timestamp cutoff = Timestamp.from(olderThan);
            List<String> expired = new ArrayList<>();
            do {
                expired.clear();
                select.setString(1, processorName);
                select.setTimestamp(2, cutoff);
                select.setInt(3, batchSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expired.add(rows.getString(1));
                    }
                }
                for (String messageId : expired) {
                    delete.setString(1, processorName);
                    delete.setString(2, messageId);
                    delete.addBatch();
                }
                int batch = expired.isEmpty() ? 0 : Arrays.stream(delete.executeBatch()).map(n -> Math.max(n, 0)).sum();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                counter.increment(batch);
                total += batch;
            } while (expired.size() == batchSize);
        }
        return total;
    }
}
