package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interchange.support.DeadLetterCount;
import io.interchange.support.ErpBookings;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.InterchangeProcess;
import io.interchange.support.KafkaTestBroker;
import io.interchange.support.Orders;
import io.interchange.support.TestErp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Interchange JVMs on an Artemis primary/backup pair (processes from the apache-artemis
 * distribution, replicating), one PostgreSQL database and Kafka, the ERP outside all of them (in
 * this JVM). Clients post orders to both instances as a load balancer would, and send an order
 * that got no answer again, to the other instance. Under that load: {@code kill -9} of instance A,
 * then of the primary broker (the backup takes over), then both are started again. Every answered
 * order is booked once, its events reach Kafka (duplicates carry the same event id), and nothing
 * is dead-lettered. Runs with {@code mvn -B verify -Pcluster} (docs/operations.md "Cluster failover").
 */
class ClusterFailoverIT {

    private static final int ORDERS = Integer.getInteger("cluster.orders", 600);
    private static final int CLIENTS = 4;
    private static final String PARTNER = "cluster";
    private static final Path WORK = Path.of("target", "cluster-failover");
    private static final String EVENTS_TOPIC = "interchange.order-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArtemisBroker primary;
    private static ArtemisBroker backup;
    private static ClusterDatabase database;
    private static TestErp erp;
    private static InterchangeProcess instanceA;
    private static InterchangeProcess instanceB;

    private final Map<Integer, String> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> answerTimes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicReference<Throwable> clientFailure = new AtomicReference<>();

    @BeforeAll
    static void startCluster() throws Exception {
        database = ClusterDatabase.create();
        Path artemisHome = Path.of(System.getProperty("interchange.cluster.artemis-home",
                "target/apache-artemis-2.40.0")).toAbsolutePath();
        assertThat(artemisHome.resolve("bin/artemis")).as("the apache-artemis distribution (unpacked by -Pcluster)").exists();
        Path run = Files.createDirectories(WORK).resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
        int primaryPort = FreePorts.next();
        int backupPort = FreePorts.next();
        primary = new ArtemisBroker(artemisHome, run.resolve("artemis-primary"), Path.of("docker", "broker-primary.xml"),
                primaryPort, backupPort, run);
        backup = new ArtemisBroker(artemisHome, run.resolve("artemis-backup"), Path.of("docker", "broker-backup.xml"),
                backupPort, primaryPort, run);
        // the slow parts side by side: two "artemis create" and Kafka's start
        ExecutorService preparing = Executors.newFixedThreadPool(3);
        try {
            for (Future<?> prepared : List.of(preparing.submit(primary::create), preparing.submit(backup::create),
                    preparing.submit(KafkaTestBroker::bootstrapServers))) {
                prepared.get(5, TimeUnit.MINUTES);
            }
        } finally {
            preparing.shutdown();
        }
        primary.start();
        primary.awaitServing(Duration.ofMinutes(2));
        backup.start();
        // AMQ221024: the backup holds a full copy of the primary's journal and can take over
        backup.awaitLog("AMQ221024", Duration.ofMinutes(2));

        erp = TestErp.start();
        String partners = Files.writeString(run.resolve("partners.yaml"), """
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE, group-id: INTERCHANGE }
                  edifact: { id: INTERCHANGE, qualifier: "14" }
                partners: []
                """).toString();
        Map<String, String> shared = new HashMap<>(database.properties());
        shared.put("interchange.broker.url", "(" + primary.url() + "," + backup.url() + ")"
                + "?ha=true&reconnectAttempts=-1&retryInterval=250&retryIntervalMultiplier=1.5&maxRetryInterval=2000");
        shared.put("interchange.broker.username", ArtemisBroker.USER);
        shared.put("interchange.broker.password", ArtemisBroker.PASSWORD);
        shared.put("interchange.kafka.brokers", KafkaTestBroker.bootstrapServers());
        shared.put("interchange.erp.url", erp.apiUrl());
        shared.put("interchange.erp.username", TestErp.USERNAME);
        shared.put("interchange.erp.password", TestErp.PASSWORD);
        shared.put("interchange.processing.redelivery-delay-ms", "200");
        shared.put("interchange.processing.redelivery-max-delay-ms", "2000");
        shared.put("interchange.partners.file", partners);
        shared.put("interchange.sftp.root", run.resolve("sftp-shared").toString());
        shared.put("interchange.jolokia.enabled", "false");
        instanceA = new InterchangeProcess(run.resolve("instance-a"), run.resolve("instance-a-logs"), shared);
        instanceB = new InterchangeProcess(run.resolve("instance-b"), run.resolve("instance-b-logs"), shared);
        // one after the other: the first applies the database migrations
        instanceA.start();
        instanceB.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        // side by side: each graceful stop may take its shutdown timeout on a busy machine
        ExecutorService stopping = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> stops = new ArrayList<>();
            for (AutoCloseable running : new AutoCloseable[] {instanceA, instanceB, backup, primary}) {
                if (running != null) {
                    stops.add(stopping.submit(() -> {
                        running.close();
                        return null;
                    }));
                }
            }
            for (Future<?> stop : stops) {
                stop.get(2, TimeUnit.MINUTES);
            }
        } finally {
            stopping.shutdown();
        }
        if (erp != null) {
            erp.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyAnsweredOrderIsBookedOnceThroughAnInstanceKillAndABrokerFailover() throws Exception {
        long started = System.nanoTime();
        // processing a little behind intake, so that the kills hit transactions in flight
        erp.slowDown(20);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(this::postUntilAllAnswered));
        }

        awaitAnswers(ORDERS / 5);
        long instanceKilled = System.nanoTime();
        instanceA.kill();
        long instanceGap = nextAnswerAfter(instanceKilled);

        awaitAnswers(ORDERS * 9 / 20);
        long brokerKilled = System.nanoTime();
        primary.kill();
        backup.awaitServing(Duration.ofMinutes(2));
        long takeover = System.nanoTime() - brokerKilled;
        long brokerGap = nextAnswerAfter(brokerKilled);

        awaitAnswers(ORDERS * 7 / 10);
        erp.heal();
        // both back: the instance on the broker that took over, then the primary (it syncs from
        // the backup and takes the work back: a second failover for every client)
        instanceA.start();
        primary.start();

        for (Future<?> client : running) {
            client.get(8, TimeUnit.MINUTES);
        }
        clients.shutdown();
        await("every answered order at the ERP").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> erp.allOrders().size() >= ORDERS);

        ErpBookings bookings = ErpBookings.of(erp);
        int lost = bookings.lost(ORDERS, ClusterFailoverIT::number);
        int duplicated = bookings.duplicated(ORDERS, ClusterFailoverIT::number);
        Set<String> documents = new HashSet<>(answers.values());
        List<ConsumerRecord<String, String>> events = readEvents(records -> acceptedDocuments(records).containsAll(documents));
        Set<String> accepted = acceptedDocuments(events);
        Set<String> eventIds = new HashSet<>();
        int repeatedEvents = 0;
        for (ConsumerRecord<String, String> event : events) {
            repeatedEvents += eventIds.add(JSON.readTree(event.value()).path("id").asText()) ? 0 : 1;
        }
        int deadLetters = DeadLetterCount.of(instanceB);

        System.out.printf("CLUSTER FAILOVER: orders=%d clients=%d kills=2 (instance A at %d answered, primary broker at %d)"
                        + " restarts=2 booked=%d lost=%d duplicated=%d clientRetries=%d brokerTakeoverMs=%d"
                        + " firstAnswerAfterInstanceKillMs=%d firstAnswerAfterBrokerKillMs=%d kafkaEvents=%d"
                        + " repeatedEventsSameId=%d ordersWithoutAcceptedEvent=%d falseDeadLetters=%d elapsedS=%d%n",
                ORDERS, CLIENTS, ORDERS / 5, ORDERS * 9 / 20, bookings.distinct(), lost, duplicated, retries.get(),
                millis(takeover), instanceGap, brokerGap, events.size(), repeatedEvents,
                documents.stream().filter(d -> !accepted.contains(d)).count(), deadLetters,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

        assertThat(answers).hasSize(ORDERS);
        assertThat(lost).as("answered orders never booked").isZero();
        assertThat(duplicated).as("orders booked twice").isZero();
        assertThat(bookings.distinct()).isEqualTo(ORDERS);
        assertThat(accepted).as("an order.accepted event on Kafka for every order").containsAll(documents);
        assertThat(deadLetters).as("dead letters").isZero();
    }

    private void awaitAnswers(int count) {
        await(count + " answers").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                .failFast("a client failed", () -> clientFailure.get() != null)
                .until(() -> answers.size() >= count);
    }

    /** Milliseconds from {@code since} to the first 2xx any client got after it. */
    private long nextAnswerAfter(long since) {
        AtomicReference<Long> first = new AtomicReference<>();
        await("an answer after the kill").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .failFast("a client failed", () -> clientFailure.get() != null)
                .until(() -> {
                    answerTimes.stream().filter(t -> t > since).min(Long::compare).ifPresent(first::set);
                    return first.get() != null;
                });
        return millis(first.get() - since);
    }

    /** The events topic from its beginning, until {@code enough} holds for what was read (or a minute passed). */
    private static List<ConsumerRecord<String, String>> readEvents(Predicate<List<ConsumerRecord<String, String>>> enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-failover-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EVENTS_TOPIC));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static Set<String> acceptedDocuments(List<ConsumerRecord<String, String>> records) {
        Set<String> documents = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event;
            try {
                event = JSON.readTree(record.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if ("interchange.order.accepted".equals(event.path("type").asText())) {
                documents.add(event.path("subject").asText());
            }
        }
        return documents;
    }

    /** One client: takes the next order number and posts it, alternating instances, until answered. */
    private void postUntilAllAnswered() {
        try {
            List<Http> instances = List.of(instanceA.http(), instanceB.http());
            for (int i = next.getAndIncrement(); i < ORDERS; i = next.getAndIncrement()) {
                String order = Orders.json(PARTNER, number(i));
                int index = i;
                AtomicInteger attempts = new AtomicInteger();
                await("an answer for " + number(i)).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                        .pollDelay(Duration.ZERO).pollInSameThread()
                        .until(() -> {
                            int attempt = attempts.getAndIncrement();
                            if (attempt > 0) {
                                retries.incrementAndGet();
                            }
                            return answered(instances.get((index + attempt) % 2), index, order);
                        });
            }
        } catch (RuntimeException | Error e) {
            clientFailure.compareAndSet(null, e);
            throw e;
        }
    }

    private boolean answered(Http api, int index, String order) {
        HttpResponse<String> response;
        try {
            response = api.postJson("/api/v1/orders", order);
        } catch (RuntimeException e) {
            return false;
        }
        if (response.statusCode() == 202 || response.statusCode() == 200) {
            answers.put(index, Http.json(response).path("documentId").asText());
            answerTimes.add(System.nanoTime());
            return true;
        }
        // 5xx while a broker fails over, 404 while a restarted instance opens its routes: no answer yet
        assertThat(response.statusCode()).as("answer to %s: %s", number(index), response.body())
                .satisfiesAnyOf(status -> assertThat(status).isGreaterThanOrEqualTo(500), status -> assertThat(status).isEqualTo(404));
        return false;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String number(int i) {
        return "CF-" + i;
    }
}
