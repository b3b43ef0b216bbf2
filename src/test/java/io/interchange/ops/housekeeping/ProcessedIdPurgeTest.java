package io.interchange.ops.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.TrackingDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Housekeeping removes exactly the expired ids of the repositories it is told about, in batches, and
 * finds them by their age through an index rather than by reading the whole repository.
 */
class ProcessedIdPurgeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("processed-id-purge-test");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void removesTheExpiredIdsOfItsRepositoriesInBatchesAndNothingElse() throws Exception {
        for (int i = 0; i < 23; i++) {
            insert("webhook-deliveries", "old-" + i, NOW.minus(Duration.ofDays(31 + i)));
        }
        for (int i = 0; i < 5; i++) {
            insert("webhook-deliveries", "new-" + i, NOW.minus(Duration.ofDays(29)));
            insert("erp-cancellations", "kept-" + i, NOW.minus(Duration.ofDays(400)));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProcessedIdPurge purge = new ProcessedIdPurge(dataSource,
                List.of(new ProcessedIdPurge.Retention("webhook-deliveries", Duration.ofDays(30))), 10, meters,
                Clock.fixed(NOW, ZoneOffset.UTC));

        Map<String, Integer> removed = purge.purge();

        assertThat(removed).containsExactly(Map.entry("webhook-deliveries", 23));
        assertThat(TrackingDatabase.strings(dataSource, "select messageId from CAMEL_MESSAGEPROCESSED"
                + " where processorName = 'webhook-deliveries' order by messageId"))
                .containsExactly("new-0", "new-1", "new-2", "new-3", "new-4");
        assertThat(TrackingDatabase.strings(dataSource, "select count(*) from CAMEL_MESSAGEPROCESSED"
                + " where processorName = 'erp-cancellations'")).containsExactly("5");
        assertThat(meters.get("interchange.housekeeping.removed").tag("processor", "webhook-deliveries").counter().count())
                .isEqualTo(23.0);
        assertThat(purge.purge()).as("a second run finds nothing").containsExactly(Map.entry("webhook-deliveries", 0));
    }

    @Test
    void findsExpiredIdsThroughTheAgeIndex() {
        List<String> plan = TrackingDatabase.strings(dataSource, "explain select messageId from CAMEL_MESSAGEPROCESSED"
                + " where processorName = 'webhook-deliveries' and createdAt < timestamp '2026-11-02 09:00:00'"
                + " order by createdAt fetch first 10 rows only");

        assertThat(String.join("\n", plan)).containsIgnoringCase("IX_CAMEL_MESSAGEPROCESSED_AGE");
    }

    private static void insert(String processor, String id, Instant createdAt) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) values (?, ?, ?)")) {
            insert.setString(1, processor);
            insert.setString(2, id);
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }
}
