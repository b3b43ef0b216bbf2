package io.interchange.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/** The instances sharing this database, one row each in {@code cluster_instance}, as their heartbeats left them. */
public class ClusterInstances {

    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;

    public ClusterInstances(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes this instance's row (created at its first beat, overwritten at each next one). */
    public void beat(InstanceRecord instance) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("""
                    update cluster_instance set started_at = ?, last_seen_at = ?, version = ?, http_url = ?,
                        routes_up = ?, routes_total = ?, suspended = ? where node_id = ?""")) {
                fill(update, instance);
                update.setString(8, instance.nodeId());
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into cluster_instance (started_at, last_seen_at, version, http_url, routes_up, routes_total,
                        suspended, node_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                fill(insert, instance);
                insert.setString(8, instance.nodeId());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the heartbeat of " + instance.nodeId(), e);
        }
    }

    /** A stopping instance leaves the list. */
    public void leave(String nodeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from cluster_instance where node_id = ?")) {
            delete.setString(1, nodeId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot remove " + nodeId + " from the cluster's instances", e);
        }
    }

    /** Drops the rows of instances silent since before {@code before} (crashed long ago, never to come back under that id). */
    public void forgetSilentSince(Instant before) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from cluster_instance where last_seen_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot forget silent instances", e);
        }
    }

    public List<InstanceRecord> all() {
        List<InstanceRecord> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select node_id, started_at, last_seen_at, version, http_url, routes_up, routes_total, suspended
                        from cluster_instance order by node_id""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String suspended = rows.getString("suspended");
                all.add(new InstanceRecord(rows.getString("node_id"), rows.getTimestamp("started_at").toInstant(),
                        rows.getTimestamp("last_seen_at").toInstant(), rows.getString("version"),
                        rows.getString("http_url"), rows.getInt("routes_up"), rows.getInt("routes_total"),
                        suspended == null || suspended.isEmpty() ? List.of() : Arrays.asList(suspended.split(","))));
            }
            return all;
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the cluster's instances", e);
        }
    }

    private static void fill(PreparedStatement statement, InstanceRecord instance) throws SQLException {
        statement.setTimestamp(1, Timestamp.from(instance.startedAt()));
        statement.setTimestamp(2, Timestamp.from(instance.lastSeenAt()));
        statement.setString(3, instance.version());
        statement.setString(4, instance.httpUrl());
        statement.setInt(5, instance.routesUp());
        statement.setInt(6, instance.routesTotal());
        String suspended = String.join(",", instance.suspendedIntakes());
        statement.setString(7, suspended.length() <= MAX_TEXT ? suspended : suspended.substring(0, MAX_TEXT));
    }
}
