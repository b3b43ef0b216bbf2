package io.interchange.edi.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * Outbound control numbers per partner and kind ({@code interchange}, {@code group},
 * {@code transaction}), from the table {@code edi_control_number}. The update takes the row
 * lock, so instances sharing the database queue up on it and never hand out one number twice;
 * numbers wrap to 1 after 999,999,999 (nine digits: ISA13, GS06 and ST02 all fit).
 */
public class ControlNumberSequence {

    static final long MAX = 999_999_999L;

    private final DataSource dataSource;

    public ControlNumberSequence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Draws the next number of each of {@code kinds}, hands them to {@code use} (which writes and
     * delivers a document) and keeps them only if it returns: the row locks are held meanwhile, so
     * a number is spent only on a document that went out, and none is handed out twice.
     */
    public <T> T withNext(String partnerId, List<String> kinds, Function<long[], T> use) {
        kinds.forEach(kind -> ensureRow(partnerId, kind));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long[] values = new long[kinds.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = take(connection, partnerId, kinds.get(i));
                }
                T result = use.apply(values);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot take control numbers " + kinds + " for " + partnerId, e);
        }
    }

    /** The partner's row of this kind, so that drawing never races on a first insert inside a longer transaction. */
    private void ensureRow(String partnerId, String kind) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into edi_control_number (partner_id, kind, next_value)
                        select ?, ?, 1 where not exists
                            (select 1 from edi_control_number where partner_id = ? and kind = ?)""")) {
            insert.setString(1, partnerId);
            insert.setString(2, kind);
            insert.setString(3, partnerId);
            insert.setString(4, kind);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new TrackingException("Cannot prepare " + kind + " control numbers for " + partnerId, e);
            }
        }
    }

    private static long take(Connection connection, String partnerId, String kind) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("""
                update edi_control_number
                set next_value = case when next_value >= ? then 1 else next_value + 1 end
                where partner_id = ? and kind = ?""")) {
            bump.setLong(1, MAX);
            bump.setString(2, partnerId);
            bump.setString(3, kind);
            if (bump.executeUpdate() == 0) {
                return first(connection, partnerId, kind);
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "select next_value from edi_control_number where partner_id = ? and kind = ?")) {
            read.setString(1, partnerId);
            read.setString(2, kind);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                long next = row.getLong(1);
                // the row holds the number after the one taken
                return next == 1 ? MAX : next - 1;
            }
        }
    }

    /** The partner's first number of this kind; a concurrent first insert makes us take the next one instead. */
    private static long first(Connection connection, String partnerId, String kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into edi_control_number (partner_id, kind, next_value) values (?, ?, 2)")) {
            insert.setString(1, partnerId);
            insert.setString(2, kind);
            insert.executeUpdate();
            return 1;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback();
            return take(connection, partnerId, kind);
        }
    }
}
