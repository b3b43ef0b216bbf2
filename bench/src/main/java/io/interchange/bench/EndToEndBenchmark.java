package io.interchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
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
 * same machine; the ratio is accepted orders per second over baseline sends per second. Beside them runs
 * the design's parts with nothing of Interchange's own between them ({@link BusPipeline}): the bus's
 * durable hops alone, and those with the HTTP intake before them and the ERP's HTTP call among them
 * (the skeleton), the ceiling of this path on this design.
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
            int processors = Integer.parseInt(interchange.property("interchange.processing.consumers"));
            int publishers = Integer.parseInt(interchange.property("interchange.events.consumers"));
            BusPipeline pipeline = BusPipeline.busAlone(acceptor, processors, publishers, maxDepth);
            BusPipeline skeleton = BusPipeline.skeleton(interchange, acceptor, processors, publishers, maxDepth,
                    orders, erp.apiUrl());

            // warm-up of both (JIT, pools, journal files), not counted
            new Posting(orders, clients, runId + "-w", honourRetryAfter).measure(WarmUp.subject(), meters, inbound, events);
            raw.measure(WarmUp.baseline(), interchange);
            pipeline.measure(WarmUp.baseline(), interchange);
            skeleton.measure(WarmUp.baseline(), interchange);

            double[] subject = new double[repetitions];
            double[] baseline = new double[repetitions];
            double[] bus = new double[repetitions];
            double[] parts = new double[repetitions];
            double[] ratio = new double[repetitions];
            double[] load = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                baseline[r] = raw.measure(run, interchange);
                bus[r] = pipeline.measure(run, interchange);
                parts[r] = skeleton.measure(run, interchange);
                subject[r] = new Posting(orders, clients, runId + "-" + r, honourRetryAfter).measure(run, meters, inbound, events);
                ratio[r] = subject[r] / baseline[r];
                load[r] = RatioLine.loadAverage();
                System.out.printf(Locale.ROOT, "repetition %d: accepted %.1f/s, the bus alone %.1f/s, HTTP + bus + ERP alone %.1f/s,"
                        + " raw sends %.1f/s, ratio %.3f (the bus alone %.3f, HTTP + bus + ERP %.3f), load %.2f%n",
                        r + 1, subject[r], bus[r], parts[r], baseline[r], ratio[r], bus[r] / baseline[r], parts[r] / baseline[r], load[r]);
            }
            System.out.printf(Locale.ROOT, "the bus alone / raw sends: %.4f, HTTP + bus + ERP alone / raw sends: %.4f,"
                    + " accepted / HTTP + bus + ERP alone: %.4f%n", new RatioLine("bus-alone", bus, baseline).ratio(),
                    new RatioLine("skeleton", parts, baseline).ratio(), new RatioLine("of-skeleton", subject, parts).ratio());
            System.out.printf(Locale.ROOT, "end to end: %d clients, processing consumers %s, %d s per run, %d cores,"
                    + " backpressure above %d, Retry-After %s%n", clients, interchange.property("interchange.processing.consumers"),
                    run.toSeconds(), Runtime.getRuntime().availableProcessors(), maxDepth,
                    honourRetryAfter ? "honoured" : "ignored (20 ms)");
            System.out.printf(Locale.ROOT, "dead letters: %d%n", interchange.queue("orders.dlq") == null ? 0
                    : interchange.queue("orders.dlq").getMessageCount());
            new RatioLine("end-to-end", subject, baseline).print();
            raw.close();
            pipeline.close();
            skeleton.close();
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
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        String body = Orders.json("bench", "E2E-" + runId + "-" + sequence.incrementAndGet(), "WIDGET-RED", "GADGET-BLUE");
                        HttpResponse<Void> answer;
                        try {
                            answer = http.send(HttpRequest.newBuilder(target)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(), HttpResponse.BodyHandlers.discarding());
                        } catch (IOException e) {
                            failed.incrementAndGet(); // a connection closed under it: counted, the client goes on
                            continue;
                        }
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
            try {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long drainStart = System.nanoTime();
            while (inbound.getMessageCount() > 0 || events.getMessageCount() > 0) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "  posted %d (%d refused, %d failed), backlog drained in %.1f s%n", sequence.get(),
                    refused.get(), failed.get(), (System.nanoTime() - drainStart) / 1e9);
            return rate;
        }
    }

    /**
     * The design's parts with none of Interchange's own work between them: the durable hops an order
     * makes on the bus, and (as {@link #skeleton}) the HTTP intake before them and the ERP's HTTP call
     * among them. Feed: 16 producers sending 1 KiB persistently to an inbound queue (the bus alone), or
     * 16 HTTP clients posting it to {@link DurableEcho} on the runtime's server, which sends it on as
     * the REST intake does (the skeleton). Then as many consumers as the runtime's processing has each
     * take one in a local transaction, (skeleton: post a one-line sales order to the ERP sandbox over
     * HTTP, Basic auth, a new Idempotency-Key, and expect its 201,) send it persistently to an events
     * queue and commit both, as process-orders does; as many as the runtime's event publishers take it
     * from there in a transaction of their own, as outbound-order-events does. The feed holds back
     * for a second while the inbound queue is deeper than the benchmark's backpressure depth, as the
     * subject's clients do on a 503. Counted: orders through the last hop per second after the first
     * fifth of the run; then the backlog drains and the queues are emptied. No tracking store, no
     * mapping, no schema, no Camel routing of the order: the ceiling of this path on this design.
     */
    private static final class BusPipeline implements AutoCloseable {

        private static final String INBOUND = "bench.pipeline.inbound";
        private static final String EVENTS = "bench.pipeline.events";

        private final ActiveMQConnectionFactory factory;
        private final int processors;
        private final int publishers;
        private final int maxDepth;
        private final URI intake;
        private final URI erp;
        private final String runId = Long.toString(System.nanoTime(), 36);
        private final AtomicLong erpCalls = new AtomicLong();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final byte[] payload = new byte[MESSAGE_BYTES];

        private BusPipeline(String acceptor, int processors, int publishers, int maxDepth, URI intake, URI erp) {
            this.factory = new ActiveMQConnectionFactory(acceptor);
            this.processors = processors;
            this.publishers = publishers;
            this.maxDepth = maxDepth;
            this.intake = intake;
            this.erp = erp;
            Arrays.fill(payload, (byte) 'x');
        }

        /** The bus alone: producers send straight to the broker, no ERP call. */
        static BusPipeline busAlone(String acceptor, int processors, int publishers, int maxDepth) {
            return new BusPipeline(acceptor, processors, publishers, maxDepth, null, null);
        }

        /** HTTP intake, the bus's hops and the ERP call; adds the intake's {@link DurableEcho} route to the runtime. */
        static BusPipeline skeleton(RunningInterchange interchange, String acceptor, int processors, int publishers,
                                    int maxDepth, URI base, String erpApi) throws Exception {
            DurableEcho.add(interchange, "skeleton", INBOUND, () -> {
                Queue inbound = interchange.queue(INBOUND);
                return inbound != null && inbound.getMessageCount() > maxDepth;
            });
            return new BusPipeline(acceptor, processors, publishers, maxDepth, base.resolve("/bench/skeleton"),
                    URI.create(erpApi + "/sales-orders"));
        }

        double measure(Duration duration, RunningInterchange interchange) throws Exception {
            AtomicBoolean posting = new AtomicBoolean(true);
            AtomicBoolean consuming = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            AtomicLong processed = new AtomicLong();
            AtomicLong published = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + processors + publishers);
            List<Future<?>> producers = new ArrayList<>();
            List<Future<?>> consumers = new ArrayList<>();
            try (Connection connection = factory.createConnection()) {
                connection.start();
                for (int p = 0; p < PRODUCERS; p++) {
                    producers.add(pool.submit(() -> intake == null ? send(connection, posting, sent, processed)
                            : post(posting, sent)));
                }
                for (int c = 0; c < processors; c++) {
                    consumers.add(pool.submit(() -> hop(INBOUND, EVENTS, processed, consuming)));
                }
                for (int c = 0; c < publishers; c++) {
                    consumers.add(pool.submit(() -> hop(EVENTS, null, published, consuming)));
                }
                Thread.sleep(duration.toMillis() / 5);
                long before = published.get();
                long start = System.nanoTime();
                Thread.sleep(duration.toMillis() - duration.toMillis() / 5);
                double rate = (published.get() - before) / ((System.nanoTime() - start) / 1e9);
                posting.set(false);
                for (Future<?> producer : producers) {
                    producer.get();
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (published.get() < sent.get()) {
                    for (Future<?> consumer : consumers) {
                        if (consumer.isDone()) {
                            consumer.get(); // a failed hop: its exception ends the run
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(published.get() + " of " + sent.get() + " through the pipeline");
                    }
                    Thread.sleep(50);
                }
                consuming.set(false);
                for (Future<?> consumer : consumers) {
                    consumer.get();
                }
                interchange.queue(INBOUND).deleteAllReferences();
                interchange.queue(EVENTS).deleteAllReferences();
                return rate;
            } finally {
                posting.set(false);
                consuming.set(false);
                pool.shutdownNow(); // also when a run failed: its threads would keep the benchmark's JVM alive
            }
        }

        private Void send(Connection connection, AtomicBoolean posting, AtomicLong sent, AtomicLong processed) throws Exception {
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                MessageProducer producer = session.createProducer(session.createQueue(INBOUND));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                while (posting.get()) {
                    if (sent.get() - processed.get() > maxDepth) {
                        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // the subject's Retry-After: 1
                        continue;
                    }
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(payload);
                    producer.send(message);
                    sent.incrementAndGet();
                }
            }
            return null;
        }

        private Void post(AtomicBoolean posting, AtomicLong sent) throws Exception {
            while (posting.get()) {
                HttpResponse<Void> answer;
                try {
                    answer = http.send(HttpRequest.newBuilder(intake).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    continue; // a connection closed under it: not sent, the client goes on
                }
                if (answer.statusCode() == 202) {
                    sent.incrementAndGet();
                } else {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // 503, Retry-After: 1
                }
            }
            return null;
        }

        /** One consumer of a hop: each message taken, (the ERP called,) sent on unless last, and committed in one local transaction. */
        private Void hop(String from, String to, AtomicLong done, AtomicBoolean consuming) throws Exception {
            try (Connection connection = factory.createConnection();
                    Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                connection.start();
                MessageConsumer consumer = session.createConsumer(session.createQueue(from));
                MessageProducer producer = to == null ? null : session.createProducer(session.createQueue(to));
                if (producer != null) {
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                }
                while (consuming.get()) {
                    Message message = consumer.receive(100);
                    if (message == null) {
                        continue;
                    }
                    if (producer != null) {
                        if (erp != null) {
                            book();
                        }
                        producer.send(message);
                    }
                    session.commit();
                    done.incrementAndGet();
                }
            }
            return null;
        }

        /** A one-line sales order to the ERP sandbox, as the ERP call of process-orders posts it (new key each). */
        private void book() throws Exception {
            String reference = "SK-" + runId + "-" + erpCalls.incrementAndGet();
            String order = "{\"customerReference\":\"" + reference + "\",\"customer\":\"bench\",\"currency\":\"USD\","
                    + "\"lines\":[{\"line\":1,\"item\":\"WIDGET-RED\",\"quantity\":2,\"uom\":\"EA\",\"price\":9.5}]}";
            String credentials = Base64.getEncoder().encodeToString((TestErp.USERNAME + ":" + TestErp.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(erp).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + credentials).header("Idempotency-Key", reference)
                    .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("the ERP sandbox answered " + answer.statusCode() + " to " + reference);
            }
        }

        @Override
        public void close() {
            factory.close();
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
