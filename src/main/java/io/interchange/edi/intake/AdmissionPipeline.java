package io.interchange.edi.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A file's order batches admitted on a thread of their own while the reader goes on parsing the
 * next orders: parsing and admission (database, persistent sends) take turns on the same file
 * otherwise. Batches are admitted one after another in the order given; at most
 * {@code maxWaiting} wait behind the one being admitted, so the reader stops when admission falls
 * behind and a file never needs more memory than a few batches.
 *
 * <p>Each batch's result is handed to its {@code then} on the reader's thread, in order, when the
 * reader next submits or when it {@link #awaitAll waits for all} (at each group and interchange
 * end, before anything is acknowledged). A failed batch stops the batches behind it (none of them
 * is admitted) and its exception is thrown to the reader as it was thrown, so the file fails as if
 * the reader had admitted the batch itself: it stays for the next poll, whose business keys admit
 * nothing twice.
 */
final class AdmissionPipeline implements AutoCloseable {

    private final String threadName;
    private final int maxWaiting;
    private final Deque<Submitted<?>> submitted = new ArrayDeque<>();
    private ExecutorService thread;
    /** Set by the admission thread on a failure: the batches behind it are then skipped. */
    private volatile boolean failed;

    AdmissionPipeline(String threadName, int maxWaiting) {
        this.threadName = threadName;
        this.maxWaiting = maxWaiting;
    }

    /** Queues {@code batch}; blocks while {@code maxWaiting} batches already wait behind the running one. */
    <T> void submit(Callable<T> batch, Consumer<T> then) {
        takeFinished(false);
        while (submitted.size() > maxWaiting) {
            finishOldest();
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread admission = new Thread(runnable, threadName);
                admission.setDaemon(true);
                return admission;
            });
        }
        submitted.add(new Submitted<>(thread.submit(() -> {
            if (failed) {
                throw new SkippedBatch();
            }
            try {
                return batch.call();
            } catch (Exception | Error e) {
                failed = true;
                throw e;
            }
        }), then));
    }

    /** Waits for every submitted batch and hands each result on; throws the first failure. */
    void awaitAll() {
        takeFinished(true);
    }

    /**
     * Waits for what is still running, without handing results on or throwing: for a file whose
     * reading failed, so that nothing of it is still being admitted when the file is given back.
     */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        failed = true;
        thread.shutdown();
        try {
            // a batch admission is bounded by the database's and the broker's own timeouts
            thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            submitted.clear();
            thread = null;
        }
    }

    private void takeFinished(boolean waitForAll) {
        while (!submitted.isEmpty() && (waitForAll || submitted.peekFirst().future().isDone())) {
            finishOldest();
        }
    }

    private void finishOldest() {
        finish(submitted.removeFirst());
    }

    private <T> void finish(Submitted<T> oldest) {
        T result;
        try {
            result = oldest.future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLaterException("interrupted while admitting the file's orders", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RetryLaterException("admission failed: " + cause.getMessage(), cause);
        }
        oldest.then().accept(result);
    }

    private record Submitted<T>(Future<T> future, Consumer<T> then) {
    }

    /** A batch behind a failed one: never admitted; the failure before it is the one reported. */
    private static final class SkippedBatch extends RuntimeException {
        SkippedBatch() {
            super("not admitted: an earlier batch of the file failed", null, false, false);
        }
    }
}
