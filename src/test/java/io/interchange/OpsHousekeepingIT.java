package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The idempotent repositories do not grow for ever: housekeeping removes the ids past their
 * retention and leaves the recent ones, and the settled-order guard alone.
 */
class OpsHousekeepingIT {

    private static TestErp erp;
    private static RunningInterchange interchange;

    @BeforeAll
    static void start() throws SQLException {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                // the first run usually finds the rows below in place; any later one would find them too
                "interchange.housekeeping.delay-ms", "3000",
                "interchange.housekeeping.period-ms", "500",
                "interchange.housekeeping.batch-size", "2",
                "interchange.housekeeping.webhook-callbacks-days", "2"));
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            insert("webhook-deliveries", "shop:old-" + i, now.minus(Duration.ofDays(31)));
        }
        insert("webhook-deliveries", "shop:recent", now.minus(Duration.ofDays(29)));
        insert("webhook-callbacks", "event-old", now.minus(Duration.ofDays(3)));
        insert("webhook-callbacks", "event-recent", now.minus(Duration.ofDays(1)));
        insert("erp-cancellations", "settled-long-ago", now.minus(Duration.ofDays(3_000)));
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void idsPastTheirRetentionAreRemovedRecentOnesAndSettledOrdersAreKept() throws SQLException {
        await().atMost(Duration.ofSeconds(20)).until(() -> ids("webhook-deliveries").size() == 1
                && ids("webhook-callbacks").size() == 1);

        assertThat(ids("webhook-deliveries")).containsExactly("shop:recent");
        assertThat(ids("webhook-callbacks")).as("its retention is configurable").containsExactly("event-recent");
        assertThat(ids("erp-cancellations")).as("never purged by default").contains("settled-long-ago");
        assertThat(interchange.http().get("/observe/metrics").body())
                .contains("interchange_housekeeping_removed_total{processor=\"webhook-deliveries\",table=\"CAMEL_MESSAGEPROCESSED\"} 5.0")
                .contains("interchange_housekeeping_removed_total{processor=\"webhook-callbacks\",table=\"CAMEL_MESSAGEPROCESSED\"} 1.0");
        assertThat(interchange.context().getRoute("ops-housekeeping")).isNotNull();
    }

    private static void insert(String processor, String id, Instant createdAt) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) values (?, ?, ?)")) {
            insert.setString(1, processor);
            insert.setString(2, id);
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    private static List<String> ids(String processor) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select messageId from CAMEL_MESSAGEPROCESSED where processorName = ? order by messageId")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static DataSource dataSource() {
        return interchange.bean("dataSource", DataSource.class);
    }
}
