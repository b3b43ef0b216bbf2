package io.interchange.ops.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/** Which intakes ops suspended, by whom, when and why (table {@code intake_suspension}); survives restarts. */
public class IntakeSuspensions {

    private final DataSource dataSource;

    public IntakeSuspensions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Suspension(String channelId, Instant at, String by, String reason) {
    }

    public void save(Suspension suspension) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("delete from intake_suspension where channel_id = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into intake_suspension (channel_id, suspended_at, suspended_by, reason) values (?, ?, ?, ?)")) {
                delete.setString(1, suspension.channelId());
                delete.executeUpdate();
                insert.setString(1, suspension.channelId());
                insert.setTimestamp(2, Timestamp.from(suspension.at()));
                insert.setString(3, suspension.by());
                insert.setString(4, suspension.reason());
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the suspension of " + suspension.channelId(), e);
        }
    }

    public void remove(String channelId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from intake_suspension where channel_id = ?")) {
            delete.setString(1, channelId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the resumption of " + channelId, e);
        }
    }

    public Map<String, Suspension> all() {
        Map<String, Suspension> all = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select channel_id, suspended_at, suspended_by, reason from intake_suspension order by channel_id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                all.put(rows.getString(1), new Suspension(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        rows.getString(3), rows.getString(4)));
            }
            return all;
        } catch (SQLException e) {
            throw new TrackingException("Cannot read intake suspensions", e);
        }
    }
}
