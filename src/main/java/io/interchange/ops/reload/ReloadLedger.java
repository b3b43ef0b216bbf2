package io.interchange.ops.reload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every change the reloader saw (table {@code route_change}): file, checksum, time,
 * outcome ({@code applied}, {@code removed}, {@code refused}, {@code rolled-back}), line and detail,
 * and which instance saw it ({@code interchange.node.id}; each instance reloads its own copy of the files).
 */
public class ReloadLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadLedger.class);

    private final DataSource dataSource;
    private final String instance;

    public ReloadLedger(DataSource dataSource, String instance) {
        this.dataSource = dataSource;
        this.instance = instance;
    }

    public record Change(long id, Instant at, String instance, String file, String checksum, String outcome, int line,
            String detail, String routes) {
    }

    public void record(String file, String checksum, String outcome, int line, String detail, String routes) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into route_change (at, instance, file, checksum, outcome, line, detail, routes)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setString(2, instance);
            insert.setString(3, file);
            insert.setString(4, checksum);
            insert.setString(5, outcome);
            if (line > 0) {
                insert.setInt(6, line);
            } else {
                insert.setNull(6, java.sql.Types.INTEGER);
            }
            insert.setString(7, clip(detail));
            insert.setString(8, clip(routes));
            insert.executeUpdate();
        } catch (SQLException e) {
            // the change itself happened (or was refused); losing its record must not undo that
            LOG.error("Could not record the {} change of {} in route_change", outcome, file, e);
        }
    }

    public List<Change> recent(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, at, instance, file, checksum, outcome, line, detail, routes from route_change order by id desc")) {
            query.setMaxRows(limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getInt(7), rows.getString(8),
                            rows.getString(9)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new io.interchange.tracking.TrackingException("Cannot read route changes", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
