package io.interchange.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The overview's counts, bucketed by the database from the tracking tables (H2 with the migrations). */
class ActivityCountsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:07:30Z");
    private JdbcDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:activity-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void arrivalsAndOutcomesLandInTheBucketsOfTheirTimes() throws SQLException {
        document("d1", "rest", "webshop", "2026-12-01T10:06:00Z");
        history("d1", "RECEIVED", "2026-12-01T10:06:00Z");
        history("d1", "ACCEPTED", "2026-12-01T10:06:10Z");
        document("d2", "rest", "webshop", "2026-12-01T09:12:00Z");
        history("d2", "DEAD_LETTERED", "2026-12-01T09:20:00Z");
        history("d2", "RECEIVED", "2026-12-01T10:01:00Z"); // a replay: not a second arrival
        history("d2", "ACCEPTED", "2026-12-01T10:02:00Z");
        document("d3", "edi", "acme", "2026-12-01T10:00:00Z");
        history("d3", "REJECTED", "2026-12-01T10:00:05Z");

        List<ActivitySeries> series = new ActivityCounts(dataSource).in(ActivityWindow.HOUR, NOW);

        assertThat(series).extracting(ActivitySeries::channel, ActivitySeries::partnerId)
                .containsExactly(Tuple.tuple("edi", "acme"),
                        Tuple.tuple("rest", "webshop"));
        ActivitySeries webshop = series.get(1);
        assertThat(webshop.counts().get("received")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(webshop.counts().get("accepted")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(webshop.counts().get("deadLettered")).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(webshop.total("rejected")).isZero();
        assertThat(series.get(0).counts().get("rejected")[10]).isEqualTo(1);
    }

    @Test
    void documentsBeforeTheWindowAreLeftOut() throws SQLException {
        document("old", "rest", "webshop", "2026-12-01T09:09:59Z");
        history("old", "ACCEPTED", "2026-12-01T09:09:59Z");

        assertThat(new ActivityCounts(dataSource).in(ActivityWindow.HOUR, NOW)).isEmpty();
        assertThat(new ActivityCounts(dataSource).in(ActivityWindow.DAY, NOW)).singleElement()
                .satisfies(day -> assertThat(day.counts().get("received")[22]).isEqualTo(1));
    }

    private void document(String id, String channel, String partner, String receivedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into tracked_document (document_id, correlation_id, document_type, channel, partner_id,
                    external_number, business_key, state, attempts, received_at, updated_at)
                values (?, ?, 'order', ?, ?, ?, ?, 'RECEIVED', 0, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, "corr-" + id);
            insert.setString(3, channel);
            insert.setString(4, partner);
            insert.setString(5, "PO-" + id);
            insert.setString(6, channel + ":" + partner + ":PO-" + id);
            insert.setTimestamp(7, Timestamp.from(Instant.parse(receivedAt)));
            insert.setTimestamp(8, Timestamp.from(Instant.parse(receivedAt)));
            insert.executeUpdate();
        }
    }

    private void history(String id, String state, String at) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into document_history (document_id, state, detail, at) values (?, ?, null, ?)")) {
            insert.setString(1, id);
            insert.setString(2, state);
            insert.setTimestamp(3, Timestamp.from(Instant.parse(at)));
            insert.executeUpdate();
        }
    }
}
