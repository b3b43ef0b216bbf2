package io.interchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.apache.activemq.artemis.core.server.Queue;

/**
 * Closed-loop REST intake against the full pipeline (ERP consumers and event publishing running,
 * default backpressure thresholds): prints every second what the intake answered (202 / 503), how
 * deep {@code orders.inbound} and {@code events.outbound} are and how many orders and events were
 * worked off, then how long the backlog takes to drain once the load stops.
 *
 * <p>Arguments: [seconds of load, default 30] [client threads, default 16] [max depth, default the
 * property's] [resume depth, default the property's].
 */
public final class BackpressureBenchmark {

    private BackpressureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> properties = new HashMap<>();
        if (args.length > 3) {
            properties.put("interchange.backpressure.max-depth", args[2]);
            properties.put("interchange.backpressure.resume-depth", args[3]);
        }
        try (TestErp erp = TestErp.start();
                RunningInterchange interchange = RunningInterchange.start(erp, properties)) {
            URI target = interchange.http().get("/observe/health").uri().resolve("/api/v1/orders");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicLong accepted = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong other = new AtomicLong();
            AtomicLong sequence = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (running.get()) {
                        String body = Orders.json("bench", "BP-" + runId + "-" + sequence.incrementAndGet(), "WIDGET-RED");
                        try {
                            int status = http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == 202 ? accepted : status == 503 ? refused : other).incrementAndGet();
                        } catch (Exception e) {
                            other.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Queue orders = interchange.queue("orders.inbound");
            Queue events = interchange.queue("events.outbound");
            System.out.printf("%5s %8s %8s %14s %14s %12s %12s%n", "s", "202/s", "503/s", "orders.inbound",
                    "events.outbound", "orders/s", "events/s");
            long[] last = {0, 0, orders.getMessagesAcknowledged(), events.getMessagesAcknowledged()};
            for (long s = 1; s <= seconds; s++) {
                Thread.sleep(1_000);
                last = sample(s, accepted.get(), refused.get(), orders, events, last);
            }
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            long stopped = System.nanoTime();
            long peakEvents = events.getMessageCount();
            while (orders.getMessageCount() > 0 || events.getMessageCount() > 0) {
                Thread.sleep(1_000);
                last = sample(-1, accepted.get(), refused.get(), orders, events, last);
                peakEvents = Math.max(peakEvents, events.getMessageCount());
            }
            System.out.printf("load: %d s, %d clients, %d cores; answered 202: %d, 503: %d, other: %d%n", seconds, clients,
                    Runtime.getRuntime().availableProcessors(), accepted.get(), refused.get(), other.get());
            System.out.printf("backlog drained %.1f s after the load stopped; events.outbound at most %d then%n",
                    (System.nanoTime() - stopped) / 1e9, peakEvents);
        }
    }

    private static long[] sample(long second, long accepted, long refused, Queue orders, Queue events, long[] last) {
        long ordersDone = orders.getMessagesAcknowledged();
        long eventsDone = events.getMessagesAcknowledged();
        System.out.printf("%5s %8d %8d %14d %14d %12d %12d%n", second < 0 ? "drain" : Long.toString(second),
                accepted - last[0], refused - last[1], orders.getMessageCount(), events.getMessageCount(),
                ordersDone - last[2], eventsDone - last[3]);
        return new long[] {accepted, refused, ordersDone, eventsDone};
    }
}
