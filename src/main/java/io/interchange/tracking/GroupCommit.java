package io.interchange.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the tracking store's small writes: concurrent callers hand their statements to
 * one writer thread, which runs everything waiting in one transaction and commits once; each caller
 * returns when its work is committed, so a caller's write is as durable as with its own commit.
 *
 * <p>Why: with H2 and {@code WRITE_DELAY=0} every commit writes a new MVStore chunk of the changed
 * pages, under one lock; in the end-to-end profile that store was 39 % of the sampled CPU, called
 * by a handful of one-row transactions per order (state changes, history, timeline hops). Waiting
 * writes committed together write one chunk. PostgreSQL gains the same way (one WAL flush).
 *
 * <p>Each unit runs under its own savepoint: a unit that fails (a constraint, a missing row) is
 * rolled back alone and its caller gets the exception once the others committed. A failed commit
 * fails every unit of the batch, as its own commit would have. A unit that waits on a row lock
 * (a file's batch admission still open on the same key) holds the batch behind it until that lock
 * is released, as it held its own caller before; no unit may wait on anything that waits on this
 * writer.
 */
public final class GroupCommit {

    /** Statements of one caller, run on the writer's connection inside the batch's transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** At most this many units per transaction: bounds the time one commit holds the others. */
    private static final int MAX_BATCH = 64;
    /**
     * Kept for the JVM's life: the writer holds its data source, so nothing here could be let go
     * earlier anyway. One idle daemon thread per data source (the runtime has one; tests several).
     */
    private static final Map<DataSource, GroupCommit> BY_SOURCE = new HashMap<>();

    private final DataSource dataSource;
    private final LinkedBlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();

    private GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
        Thread writer = new Thread(this::write, "tracking-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** The one group committer of a data source, shared by everything that writes through it. */
    public static synchronized GroupCommit of(DataSource dataSource) {
        return BY_SOURCE.computeIfAbsent(dataSource, GroupCommit::new);
    }

    /** Runs {@code work} in the next batch and returns its result once that batch committed. */
    public <T> T run(Work<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work);
        waiting.add(pending);
        try {
            return pending.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the tracking store's commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    private void write() {
        List<Pending<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(pending -> pending.result.completeExceptionally(e));
                return;
            } catch (Throwable e) {
                // nothing may stop the writer: every waiting caller gets the failure
                LOG.debug("Tracking store batch of {} failed: {}", batch.size(), e.toString());
                batch.forEach(pending -> pending.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Runnable> completions = new ArrayList<>(batch.size());
            try {
                for (Pending<?> pending : batch) {
                    Savepoint before = connection.setSavepoint();
                    try {
                        completions.add(pending.runOn(connection));
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback(before);
                        // told after the commit, like the others: a caller that looks again then sees
                        // what the batch's other units wrote (e.g. the admission of the key it hit)
                        completions.add(() -> pending.result.completeExceptionally(e));
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            completions.forEach(Runnable::run);
        }
    }

    /** One caller's work and where its result goes. */
    private static final class Pending<T> {

        private final Work<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(Work<T> work) {
            this.work = work;
        }

        /** Runs the work; what completes the caller once the batch committed. */
        Runnable runOn(Connection connection) throws SQLException {
            T value = work.run(connection);
            return () -> result.complete(value);
        }
    }
}
