package io.interchange.ops.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin audit log (table {@code admin_audit}): append and read, newest first. */
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into admin_audit (at, actor, via, action, target, detail, outcome)
                        values (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, clip(entry.actor(), 100));
            insert.setString(3, entry.via());
            insert.setString(4, entry.action());
            insert.setString(5, clip(entry.target(), 1000));
            insert.setString(6, clip(entry.detail(), MAX_TEXT));
            insert.setString(7, entry.outcome());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot write the audit log", e);
        }
        LOG.info("Audit: {} via {} {} {} -> {}{}", entry.actor(), entry.via(), entry.action(), entry.target(),
                entry.outcome(), entry.detail() == null ? "" : " (" + entry.detail() + ")");
    }

    /** Entries matching every given criterion (null: any), newest first, at most {@code limit}. */
    public List<AuditEntry> list(String actor, String action, String target, Instant since, Instant until, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, via, action, target, detail, outcome from admin_audit where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (actor != null) {
            sql.append(" and actor = ?");
            parameters.add(actor);
        }
        if (action != null) {
            sql.append(" and action = ?");
            parameters.add(action);
        }
        if (target != null) {
            sql.append(" and target like ?");
            parameters.add("%" + target.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            sql.append(" escape '!'");
        }
        if (since != null) {
            sql.append(" and at >= ?");
            parameters.add(Timestamp.from(since));
        }
        if (until != null) {
            sql.append(" and at <= ?");
            parameters.add(Timestamp.from(until));
        }
        sql.append(" order by id desc");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            query.setMaxRows(limit);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && entries.size() < limit) {
                    entries.add(new AuditEntry(rows.getLong("id"), rows.getTimestamp("at").toInstant(),
                            rows.getString("actor"), rows.getString("via"), rows.getString("action"),
                            rows.getString("target"), rows.getString("detail"), rows.getString("outcome")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the audit log", e);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
