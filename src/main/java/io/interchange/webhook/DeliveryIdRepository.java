package io.interchange.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import io.interchange.tracking.GroupCommit;
import io.interchange.tracking.TrackingException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An idempotent repository in Camel's own table ({@code CAMEL_MESSAGEPROCESSED}, one processor name
 * per repository, the rows Camel's JDBC repository writes and housekeeping purges), whose writes
 * commit with the other writes waiting for the tracking store ({@link GroupCommit}) instead of one
 * transaction each: a webhook delivery's id cost a select, an insert and an H2 commit of its own,
 * 37 % of the webhook benchmark's samples. {@code add} inserts only an absent key; two concurrent adds
 * of one key (two instances, two copies of a delivery) meet at the primary key, and the second is
 * answered "already there".
 */
public class DeliveryIdRepository extends ServiceSupport implements IdempotentRepository {

    private static final String INSERT = """
            insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)
            select ?, ?, ? where not exists
                (select 1 from CAMEL_MESSAGEPROCESSED where processorName = ? and messageId = ?)""";

    private final DataSource dataSource;
    private final GroupCommit group;
    private final String processorName;

    public DeliveryIdRepository(DataSource dataSource, String processorName) {
        this.dataSource = dataSource;
        this.group = GroupCommit.of(dataSource);
        this.processorName = processorName;
    }

    @Override
    public boolean add(String key) {
        try {
            return group.run(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, processorName);
                    insert.setString(2, key);
                    // a plain timestamp in the JVM's zone, as Camel's repository writes it (housekeeping compares alike)
                    insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    insert.setString(4, processorName);
                    insert.setString(5, key);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;   // added meanwhile by a concurrent transaction
            }
            throw new TrackingException("Cannot record " + processorName + " id " + key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from CAMEL_MESSAGEPROCESSED where processorName = ? and messageId = ?")) {
            select.setString(1, processorName);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read " + processorName + " id " + key, e);
        }
    }

    @Override
    public boolean remove(String key) {
        return update("delete from CAMEL_MESSAGEPROCESSED where processorName = ? and messageId = ?", key) > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        update("delete from CAMEL_MESSAGEPROCESSED where processorName = ?", null);
    }

    private int update(String sql, String key) {
        try {
            return group.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, processorName);
                    if (key != null) {
                        statement.setString(2, key);
                    }
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("Cannot change " + processorName + " ids", e);
        }
    }
}
