package io.interchange.edi.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.LinkedHashSet;
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
     * One database transaction for documents that go out and what records that they did: {@code work}
     * draws numbers ({@link Draws#next}: the next number of each kind, handed to the code that writes
     * and delivers a document) and writes its records on {@link Draws#connection}; all of it commits
     * together once {@code work} returns. The row locks are held meanwhile, so a number is spent only
     * on a document that went out, and none is handed out twice. A stop before the commit spends no number and
     * records nothing, so the documents are written again with the same numbers (the same file names:
     * the partner finds one file each), never answered twice under new ones.
     *
     * @param kinds every kind {@code work} may draw (their rows are made beforehand)
     */
    public <T> T inTransaction(String partnerId, Collection<String> kinds, Work<T> work) {
        new LinkedHashSet<>(kinds).forEach(kind -> ensureRow(partnerId, kind));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new Draws(partnerId, connection));
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

    /** What runs in {@link #inTransaction}. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Draws draws) throws SQLException;
    }

    /** The numbers and the connection of one {@link #inTransaction}. */
    public static final class Draws {

        private final String partnerId;
        private final Connection connection;
        /** Whether anything was drawn or written yet: a failing first draw can then undo the whole transaction. */
        private boolean touched;

        private Draws(String partnerId, Connection connection) {
            this.partnerId = partnerId;
            this.connection = connection;
        }

        /**
         * The next number of each of {@code kinds}, handed to {@code use}; if it throws, the numbers
         * go back (nothing else of the transaction does) and the exception goes on.
         */
        public <T> T next(List<String> kinds, Function<long[], T> use) throws SQLException {
            // the first draw needs no savepoint: going back to the start undoes nothing else
            Savepoint before = touched ? connection.setSavepoint() : null;
            try {
                long[] values = new long[kinds.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = take(connection, partnerId, kinds.get(i));
                }
                T result = use.apply(values);
                touched = true;
                return result;
            } catch (SQLException | RuntimeException e) {
                if (before == null) {
                    connection.rollback();
                } else {
                    connection.rollback(before);
                }
                throw e;
            }
        }

        /** Records written here commit with the numbers drawn. */
        public Connection connection() {
            touched = true;
            return connection;
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
        // a savepoint, not a rollback: the transaction may hold other documents' numbers already
        Savepoint before = connection.setSavepoint();
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
            connection.rollback(before);
            return take(connection, partnerId, kind);
        }
    }
}
