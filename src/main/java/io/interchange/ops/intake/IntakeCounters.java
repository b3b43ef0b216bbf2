package io.interchange.ops.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * How many documents an intake brought in, by their current state (received and submitted ones are
 * still on their way), and when the last one arrived; counted in the tracking store, so the numbers
 * cover the whole history and every instance, not just this process since its start.
 */
public class IntakeCounters {

    private final DataSource dataSource;

    public IntakeCounters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Counts(Map<String, Long> byState, long total, Instant lastReceivedAt) {
    }

    public Counts of(IntakeChannel.CounterScope scope) {
        String where = " where channel = ?" + (scope.partnerId() == null ? "" : " and partner_id = ?");
        Map<String, Long> byState = new TreeMap<>();
        long total = 0;
        Instant last = null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select state, count(*), max(received_at) from tracked_document" + where + " group by state")) {
            query.setString(1, scope.channel());
            if (scope.partnerId() != null) {
                query.setString(2, scope.partnerId());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long count = rows.getLong(2);
                    byState.put(rows.getString(1).toLowerCase(Locale.ROOT).replace('_', '-'), count);
                    total += count;
                    Timestamp at = rows.getTimestamp(3);
                    if (at != null && (last == null || at.toInstant().isAfter(last))) {
                        last = at.toInstant();
                    }
                }
            }
            return new Counts(byState, total, last);
        } catch (SQLException e) {
            throw new TrackingException("Cannot count documents of " + scope, e);
        }
    }
}
