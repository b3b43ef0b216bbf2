package io.interchange.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * The load of a kill test: clients that send numbered documents over HTTP and send a document that
 * got no answer (a cut connection, a 5xx, a 404 while a restarted instance opens its routes, a 429)
 * again until it is answered 200 or 202, as a client that must not lose an order does. Any other
 * answer fails the test. Each document is taken by one client; {@link Send} decides where each
 * attempt goes (a resend may go to another instance, as through a load balancer).
 */
public final class ResendingClients {

    /** Sends document {@code index}; {@code attempt} counts from 0. */
    @FunctionalInterface
    public interface Send {
        HttpResponse<String> send(int index, int attempt);
    }

    /** The answer a document finally got: its status, the {@code documentId} if the body has one, when. */
    public record Answer(int status, String documentId, long atNanos) {
    }

    private final String name;
    private final int documents;
    private final Send send;
    private final IntPredicate due;
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Future<?>> running = new ArrayList<>();
    private ExecutorService pool;

    /** {@code documents} documents sent as fast as the clients get answers. */
    public ResendingClients(String name, int documents, Send send) {
        this(name, documents, send, index -> true);
    }

    /** {@code documents} documents, each sent once {@code due} holds for its index (a pace set by the caller). */
    public ResendingClients(String name, int documents, Send send, IntPredicate due) {
        this.name = name;
        this.documents = documents;
        this.send = send;
        this.due = due;
    }

    public ResendingClients start(int clients) {
        pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(this::sendUntilAllAnswered));
        }
        return this;
    }

    /** Waits until {@code count} documents are answered; fails at once if a client failed. */
    public void awaitAnswered(int count, Duration atMost) {
        await(name + ": " + count + " answers").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .failFast(name + ": a client failed", () -> failure.get() != null)
                .until(() -> answers.size() >= count);
    }

    /** Milliseconds from {@code sinceNanos} to the first answer any client got after it (waits for one). */
    public long millisToFirstAnswerAfter(long sinceNanos, Duration atMost) {
        AtomicReference<Long> first = new AtomicReference<>();
        await(name + ": an answer after " + sinceNanos).atMost(atMost).pollInterval(Duration.ofMillis(50))
                .failFast(name + ": a client failed", () -> failure.get() != null)
                .until(() -> {
                    answers.values().stream().mapToLong(Answer::atNanos).filter(at -> at > sinceNanos).min()
                            .ifPresent(first::set);
                    return first.get() != null;
                });
        return TimeUnit.NANOSECONDS.toMillis(first.get() - sinceNanos);
    }

    /** Waits for every client to have every document answered, and stops them. */
    public void awaitAll(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            for (Future<?> client : running) {
                client.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public Map<Integer, Answer> answers() {
        return answers;
    }

    public int answered() {
        return answers.size();
    }

    /** Sends beyond the first of each document. */
    public int resends() {
        return resends.get();
    }

    private void sendUntilAllAnswered() {
        try {
            for (int i = next.getAndIncrement(); i < documents; i = next.getAndIncrement()) {
                int index = i;
                await(name + ": document " + index + " due").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                        .pollDelay(Duration.ZERO).pollInSameThread().until(() -> due.test(index));
                AtomicInteger attempts = new AtomicInteger();
                await(name + ": an answer for document " + index).atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO).pollInSameThread()
                        .until(() -> {
                            int attempt = attempts.getAndIncrement();
                            if (attempt > 0) {
                                resends.incrementAndGet();
                            }
                            return answered(index, attempt);
                        });
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    private boolean answered(int index, int attempt) {
        HttpResponse<String> response;
        try {
            response = send.send(index, attempt);
        } catch (RuntimeException e) {
            // refused or cut off: no answer
            return false;
        }
        int status = response.statusCode();
        if (status == 202 || status == 200) {
            answers.put(index, new Answer(status, Http.json(response).path("documentId").asText(""), System.nanoTime()));
            return true;
        }
        // 5xx while a broker fails over, 404 while a restarted instance opens its routes, 429 held back: no answer yet
        assertThat(status).as("%s: answer to document %d: %s", name, index, response.body())
                .satisfiesAnyOf(s -> assertThat(s).isGreaterThanOrEqualTo(500), s -> assertThat(s).isIn(404, 429));
        return false;
    }
}
