package io.interchange.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * End to end, steady state: orders posted to {@code POST /api/v1/orders} by 16 closed-loop clients
 * and accepted by the ERP sandbox (intake, bus, processing, ERP call over HTTP, tracking, the event
 * and its publication), against the raw baseline on the same embedded broker: 16 producers making
 * persistent synchronous sends of 1 KiB to a queue of their own. The two alternate, so both see the
 * same machine; the ratio is accepted orders per second over baseline sends per second.
 *
 * <p>Each subject run posts for {@code seconds}, counts the orders the ERP accepted between its first
 * fifth (ramp-up: the backlog fills) and its end, then stops posting and lets the backlog drain
 * before the baseline runs, so neither run competes with the other's leftovers.
 *
 * <p>Steady state is what backpressure makes of the load: the runtime refuses new orders while its
 * backlog is deeper than {@code bench.max-depth} (default 500, resumed at half) with a
 * {@code Retry-After} of one second, and the clients wait as long as it says, as well-behaved clients
 * do. Posting then follows processing, and the accepted rate is what the two sustain together on the
 * machine. ({@code -Dbench.max-depth=10000 -Dbench.retry-after=ignore} gives the earlier runs' load:
 * the runtime's default depth, and a refused client back after 20 ms.)
 *
 * <p>Arguments: [seconds per run, default 20] [repetitions, default 3]. System properties:
 * {@code bench.clients} (default 16), {@code bench.consumers} (default: the runtime's),
 * {@code bench.db-url} (+ {@code bench.db-user}, {@code bench.db-password}) for the tracking store on
 * PostgreSQL, {@code bench.warmup-seconds}, {@code bench.max-depth} (default 500),
 * {@code bench.retry-after} ({@code honour}, the default, or {@code ignore}).
 */
public final class EndToEndBenchmark {

    private static final int PRODUCERS = 16;
    private static final int MESSAGE_BYTES = 1024;
    private static final String RAW_QUEUE = "bench.raw";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = Integer.getInteger("bench.clients", 16);
        String consumers = System.getProperty("bench.consumers");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> overrides = new java.util.HashMap<>();
        if (consumers != null) {
            overrides.put("interchange.processing.consumers", consumers);
            overrides.put("interchange.events.consumers", consumers);
        }
        // the tracking store on PostgreSQL instead of the embedded H2 (an empty database; Flyway migrates it)
        String database = System.getProperty("bench.db-url");
        if (database != null) {
            overrides.put("interchange.db.url", database);
            overrides.put("interchange.db.username", System.getProperty("bench.db-user", "interchange"));
            overrides.put("interchange.db.password", System.getProperty("bench.db-password", "interchange"));
        }
        int maxDepth = Integer.getInteger("bench.max-depth", 500);
        overrides.put("interchange.backpressure.max-depth", Integer.toString(maxDepth));
        overrides.put("interchange.backpressure.resume-depth", Integer.toString(maxDepth / 2));
        overrides.put("interchange.backpressure.retry-after-seconds", "1");
        boolean honourRetryAfter = !"ignore".equals(System.getProperty("bench.retry-after", "honour"));
        try (TestErp erp = TestErp.start();
                RunningInterchange interchange = RunningInterchange.start(erp, overrides)) {
            URI orders = interchange.http().get("/observe/health").uri().resolve("/api/v1/orders");
            MeterRegistry meters = interchange.context().getRegistry().findByType(MeterRegistry.class).iterator().next();
            Queue inbound = interchange.queue("orders.inbound");
            Queue events = interchange.queue("events.outbound");
            String acceptor = interchange.property("interchange.broker.embedded.acceptor").replaceAll("\\?.*", "");
            RawSends raw = new RawSends(acceptor);

            // warm-up of both (JIT, pools, journal files), not counted
            new Posting(orders, clients, runId + "-w", honourRetryAfter).measure(WarmUp.subject(), meters, inbound, events);
            raw.measure(WarmUp.baseline(), interchange);

            double[] subject = new double[repetitions];
            double[] baseline = new double[repetitions];
            double[] ratio = new double[repetitions];
            double[] load = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                baseline[r] = raw.measure(run, interchange);
                subject[r] = new Posting(orders, clients, runId + "-" + r, honourRetryAfter).measure(run, meters, inbound, events);
                ratio[r] = subject[r] / baseline[r];
                load[r] = RatioLine.loadAverage();
                System.out.printf(Locale.ROOT, "repetition %d: accepted %.1f/s, raw sends %.1f/s, ratio %.3f, load %.2f%n",
                        r + 1, subject[r], baseline[r], ratio[r], load[r]);
            }
            System.out.printf(Locale.ROOT, "end to end: %d clients, processing consumers %s, %d s per run, %d cores,"
                    + " backpressure above %d, Retry-After %s%n", clients, interchange.property("interchange.processing.consumers"),
                    run.toSeconds(), Runtime.getRuntime().availableProcessors(), maxDepth,
                    honourRetryAfter ? "honoured" : "ignored (20 ms)");
            System.out.printf(Locale.ROOT, "dead letters: %d%n", interchange.queue("orders.dlq") == null ? 0
                    : interchange.queue("orders.dlq").getMessageCount());
            new RatioLine("end-to-end", subject, baseline).print();
            raw.close();
        }
    }

    /** Accepted orders so far: the ERP's accepted answers as Interchange counted them. */
    private static double accepted(MeterRegistry meters) {
        return meters.find("interchange.documents").tag("outcome", "accepted").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /**
     * Closed-loop posting of new orders; a refusal (503, backpressure) waits for its {@code Retry-After}
     * (or 20 ms when told to ignore it) before the next post.
     */
    private record Posting(URI target, int clients, String runId, boolean honourRetryAfter) {

        double measure(Duration duration, MeterRegistry meters, Queue inbound, Queue events) throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong sequence = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        String body = Orders.json("bench", "E2E-" + runId + "-" + sequence.incrementAndGet(), "WIDGET-RED", "GADGET-BLUE");
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(target)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 202) {
                            refused.incrementAndGet();
                            long waitMillis = honourRetryAfter ? answer.headers().firstValueAsLong("Retry-After")
                                    .orElse(1) * 1000 : 20;
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(waitMillis));
                        }
                    }
                    return null;
                }));
            }
            // the first fifth fills the backlog; from then on processing is what limits acceptance
            Thread.sleep(duration.toMillis() / 5);
            double before = accepted(meters);
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis() - duration.toMillis() / 5);
            double rate = (accepted(meters) - before) / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            long drainStart = System.nanoTime();
            while (inbound.getMessageCount() > 0 || events.getMessageCount() > 0) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "  posted %d (%d refused), backlog drained in %.1f s%n", sequence.get(),
                    refused.get(), (System.nanoTime() - drainStart) / 1e9);
            return rate;
        }
    }

    /** The raw baseline: persistent, synchronous sends of 1 KiB from 16 producers, each on its own session. */
    private static final class RawSends implements AutoCloseable {

        private final Connection connection;
        private final byte[] payload = new byte[MESSAGE_BYTES];

        RawSends(String acceptor) throws Exception {
            connection = new ActiveMQConnectionFactory(acceptor).createConnection();
            connection.start();
            Arrays.fill(payload, (byte) 'x');
        }

        double measure(Duration duration, RunningInterchange interchange) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
            AtomicLong sent = new AtomicLong();
            long end = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(pool.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer producer = session.createProducer(session.createQueue(RAW_QUEUE));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        while (System.nanoTime() < end) {
                            BytesMessage message = session.createBytesMessage();
                            message.writeBytes(payload);
                            producer.send(message); // persistent, non-transacted: blocks until the journal has it
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> producer : producers) {
                producer.get();
            }
            double rate = sent.get() / ((System.nanoTime() - start) / 1e9);
            pool.shutdown();
            interchange.queue(RAW_QUEUE).deleteAllReferences();
            return rate;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
