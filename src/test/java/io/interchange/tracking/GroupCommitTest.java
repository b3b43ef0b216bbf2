package io.interchange.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Concurrent small writes committed together: each caller returns once its own work is committed
 * (another connection sees it), and a unit that fails is rolled back alone, its caller told why.
 */
class GroupCommitTest {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("group-commit-test");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void everyCallerReturnsWithItsWorkCommitted() throws Exception {
        GroupCommit group = GroupCommit.of(dataSource);
        ExecutorService callers = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> seen = new ArrayList<>();
        for (int c = 0; c < 24; c++) {
            int caller = c;
            seen.add(callers.submit(() -> {
                start.await();
                boolean all = true;
                for (int i = 0; i < 40; i++) {
                    String id = "c" + caller + "-" + i;
                    group.run(connection -> insert(connection, id, "hop"));
                    all &= count("document_id = '" + id + "'") == 1; // read on another connection
                }
                return all;
            }));
        }
        start.countDown();
        for (Future<Boolean> caller : seen) {
            assertThat(caller.get()).as("each write visible once its call returned").isTrue();
        }
        callers.shutdown();
        assertThat(count("document_id like 'c%-%' and step = 'hop'")).isEqualTo(24 * 40);
        assertThat(GroupCommit.of(dataSource)).as("one per data source").isSameAs(group);
    }

    @Test
    void aFailingUnitIsRolledBackAloneAndItsCallerGetsTheReason() throws Exception {
        GroupCommit group = GroupCommit.of(dataSource);
        group.run(connection -> insertWithId(connection, 9_000_001L, "taken"));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> others = new ArrayList<>();
        for (int c = 0; c < 15; c++) {
            String id = "ok-" + c;
            others.add(callers.submit(() -> {
                start.await();
                return group.run(connection -> insert(connection, id, "hop"));
            }));
        }
        Future<?> failing = callers.submit(() -> {
            start.await();
            // its first statement succeeds, its second hits the primary key: neither may stay
            return group.run(connection -> insert(connection, "half-done", "hop") + insertWithId(connection, 9_000_001L, "again"));
        });
        start.countDown();
        for (Future<?> other : others) {
            assertThat(other.get()).isEqualTo(1);
        }
        assertThatThrownBy(failing::get).hasCauseInstanceOf(SQLException.class)
                .cause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        callers.shutdown();
        assertThat(count("document_id like 'ok-%'")).isEqualTo(15);
        assertThat(count("document_id = 'half-done'")).as("the failed unit's first statement").isZero();
    }

    private static int insert(Connection connection, String documentId, String step) throws SQLException {
        return insert(connection, null, documentId, step);
    }

    private static int insertWithId(Connection connection, long id, String documentId) throws SQLException {
        return insert(connection, id, documentId, "fixed");
    }

    /** A hop of {@code documentId}; with {@code id} given, under that primary key (to collide on purpose). */
    private static int insert(Connection connection, Long id, String documentId, String step) throws SQLException {
        String columns = id == null ? "" : "id, ";
        String values = id == null ? "" : "?, ";
        try (PreparedStatement insert = connection.prepareStatement("insert into document_event (" + columns
                + "document_id, step, outcome, at, node_id) values (" + values + "?, ?, 'ok', current_timestamp, 'test')")) {
            int i = 1;
            if (id != null) {
                insert.setLong(i++, id);
            }
            insert.setString(i++, documentId);
            insert.setString(i, step);
            return insert.executeUpdate();
        }
    }

    private static int count(String where) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from document_event where " + where);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
