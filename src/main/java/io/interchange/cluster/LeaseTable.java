package io.interchange.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * Leases in table {@code cluster_lease}: one row per namespace naming its holder and until when it
 * holds. Every step is a single statement that the database applies atomically, so two instances
 * racing for one namespace never both hold it: the holder extends its own row; anyone takes a row
 * whose time has passed; the first to insert a missing row wins the primary key.
 */
public class LeaseTable {

    private final DataSource dataSource;

    public LeaseTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Holds (takes or extends) the lease of {@code namespace} for {@code node} until {@code now + leaseMs}, if free. */
    public boolean hold(String namespace, String node, long now, long leaseMs) {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, "update cluster_lease set expires_at = ? where namespace = ? and holder = ?",
                    now + leaseMs, namespace, node) == 1) {
                return true;
            }
            try (PreparedStatement takeOver = connection.prepareStatement(
                    "update cluster_lease set holder = ?, expires_at = ?, taken_at = ? where namespace = ? and expires_at < ?")) {
                takeOver.setString(1, node);
                takeOver.setLong(2, now + leaseMs);
                takeOver.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(now)));
                takeOver.setString(4, namespace);
                takeOver.setLong(5, now);
                if (takeOver.executeUpdate() == 1) {
                    return true;
                }
            }
            return insert(connection, namespace, node, now, leaseMs);
        } catch (SQLException e) {
            throw new TrackingException("Cannot hold the lease " + namespace, e);
        }
    }

    /** Gives the lease up at once (a stopping holder), so another instance need not wait for it to expire. */
    public void release(String namespace, String node) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from cluster_lease where namespace = ? and holder = ?")) {
            delete.setString(1, namespace);
            delete.setString(2, node);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot release the lease " + namespace, e);
        }
    }

    /** Who holds the lease at {@code now}, if anyone. */
    public Optional<String> holder(String namespace, long now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select holder from cluster_lease where namespace = ? and expires_at >= ?")) {
            query.setString(1, namespace);
            query.setLong(2, now);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the lease " + namespace, e);
        }
    }

    /** Every lease held at {@code now}, by holder: what each instance runs for the whole cluster. */
    public Map<String, List<String>> heldBy(long now) {
        Map<String, List<String>> held = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select holder, namespace from cluster_lease where expires_at >= ? order by namespace")) {
            query.setLong(1, now);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.computeIfAbsent(rows.getString(1), holder -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the leases", e);
        }
    }

    private static int update(Connection connection, String sql, long expires, String namespace, String node)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, expires);
            update.setString(2, namespace);
            update.setString(3, node);
            return update.executeUpdate();
        }
    }

    private static boolean insert(Connection connection, String namespace, String node, long now, long leaseMs)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into cluster_lease (namespace, holder, expires_at, taken_at)
                select ?, ?, ?, ? where not exists (select 1 from cluster_lease where namespace = ?)""")) {
            insert.setString(1, namespace);
            insert.setString(2, node);
            insert.setLong(3, now + leaseMs);
            insert.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(now)));
            insert.setString(5, namespace);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            // the other instance inserted first: its primary key wins, the lease is theirs
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }
}
