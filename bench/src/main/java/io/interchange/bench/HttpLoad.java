package io.interchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: {@code clients} threads each send a request, wait for the answer, and
 * send the next, for a fixed time. Every request gets its own body from {@code bodies} (or is made
 * whole by {@code requests}); the request is built before its latency clock starts.
 */
final class HttpLoad {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int clients;

    HttpLoad(int clients) {
        this.clients = clients;
    }

    LoadRun run(String name, URI target, int expectedStatus, IntFunction<byte[]> bodies, Duration duration) throws Exception {
        return run(name, expectedStatus, sequence -> HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.apply(sequence)))
                .build(), duration);
    }

    /** As above, for requests that need more than a body of their own (a signature, a delivery id). */
    LoadRun run(String name, int expectedStatus, IntFunction<HttpRequest> requests, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.apply(sequence.incrementAndGet());
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == expectedStatus) {
                            latencies.add(System.nanoTime() - sent);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // a connection the server closed while idle, reset under load: a failed request, the run goes on
                        failed.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
        } finally {
            pool.shutdownNow(); // also when a worker failed: its threads would keep the benchmark's JVM alive
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadRun(name, all.size(), failed.get(), seconds, all.stream().mapToLong(Long::longValue).toArray());
    }
}
