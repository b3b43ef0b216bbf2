package io.interchange.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * Counts documents per channel, partner and bucket in the tracking store (so every instance's
 * documents count, and a restart forgets nothing): arrivals by {@code received_at}, outcomes by the
 * time of their {@code ACCEPTED}, {@code REJECTED} or {@code DEAD_LETTERED} transition in
 * {@code document_history}. The database does the bucketing (portable SQL: H2 and PostgreSQL both
 * know {@code extract(epoch from ...)}), so a busy day costs a few hundred rows, not one per document;
 * migration V12 indexes the two time columns.
 */
public class ActivityCounts {

    private static final String RECEIVED = """
            select channel, partner_id, floor(extract(epoch from received_at) / %1$d), count(*)
            from tracked_document where received_at >= ?
            group by channel, partner_id, floor(extract(epoch from received_at) / %1$d)""";
    private static final String OUTCOMES = """
            select d.channel, d.partner_id, floor(extract(epoch from h.at) / %1$d), count(*), h.state
            from document_history h join tracked_document d on d.document_id = h.document_id
            where h.at >= ? and h.state in ('ACCEPTED', 'REJECTED', 'DEAD_LETTERED')
            group by d.channel, d.partner_id, h.state, floor(extract(epoch from h.at) / %1$d)""";

    private final DataSource dataSource;

    public ActivityCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every channel and partner with a document in the window, sorted by channel and partner. */
    public List<ActivitySeries> in(ActivityWindow window, Instant now) {
        Instant start = window.start(now);
        Map<String, ActivitySeries> series = new TreeMap<>();
        // the bucket width is ours (300 or 3600), never the caller's: it can be part of the SQL text
        try (Connection connection = dataSource.getConnection()) {
            read(connection, RECEIVED.formatted(window.bucketSeconds()), start, window, series);
            read(connection, OUTCOMES.formatted(window.bucketSeconds()), start, window, series);
        } catch (SQLException e) {
            throw new TrackingException("Cannot count documents for the overview", e);
        }
        return new ArrayList<>(series.values());
    }

    private static void read(Connection connection, String sql, Instant start, ActivityWindow window,
            Map<String, ActivitySeries> series) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(start));
            try (ResultSet rows = query.executeQuery()) {
                boolean outcomes = rows.getMetaData().getColumnCount() == 5;
                while (rows.next()) {
                    int bucket = window.indexOf(start, rows.getLong(3));
                    if (bucket < 0) {
                        continue;
                    }
                    String channel = rows.getString(1);
                    String partner = rows.getString(2);
                    String measure = outcomes ? measure(rows.getString(5)) : "received";
                    series.computeIfAbsent(channel + '\u0000' + partner,
                            key -> ActivitySeries.empty(channel, partner, window.buckets()))
                            .add(measure, bucket, rows.getLong(4));
                }
            }
        }
    }

    private static String measure(String state) {
        return switch (state) {
            case "ACCEPTED" -> "accepted";
            case "REJECTED" -> "rejected";
            default -> "deadLettered";
        };
    }
}
