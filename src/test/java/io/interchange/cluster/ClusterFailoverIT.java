package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interchange.support.AdminClient;
import io.interchange.support.DeadLetterCount;
import io.interchange.support.EdiSamples;
import io.interchange.support.ErpBookings;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.InterchangeProcess;
import io.interchange.support.KafkaTestBroker;
import io.interchange.support.Orders;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.ResendingClients;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Interchange JVMs ({@code node-a}, {@code node-b}) on an Artemis primary/backup pair (processes
 * from the apache-artemis distribution, replicating), one PostgreSQL database and Kafka, the ERP
 * outside all of them (in this JVM). Orders come from three channels at once, spread over both
 * instances as a load balancer would: REST clients, the shop's signed webhooks, and the partner
 * acme's X12 850 files (three POs each) put by a real SFTP client into the drop box. Both instances
 * serve and poll one drop-box folder on this machine's disk (as shared storage would be mounted
 * into both), and claim each file in the database. Under that load: {@code kill -9} of instance A,
 * then of the primary broker (the backup takes over), then both are started again. Every accepted
 * order is booked once, each file is read by one instance and acknowledged by one 997, the
 * partner's outbound control numbers are unique and in sequence, the orders' events reach Kafka
 * and nothing is dead-lettered. Then, on the same processes: a suspension on A holds on B and a
 * resumption on B resumes A; a dead letter written by one instance is replayed on the other and
 * booked once. Runs with {@code mvn -B verify -Pcluster} (docs/operations.md "Cluster failover").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int REST_ORDERS = Integer.getInteger("cluster.orders", 600);
    private static final int WEBHOOK_ORDERS = REST_ORDERS / 4;
    private static final int FILES = REST_ORDERS / 15;
    private static final int POS_PER_FILE = 3;
    private static final int REST_CLIENTS = 4;
    private static final String PARTNER = "cluster";
    private static final String EDI_PARTNER = "acme";
    private static final String SHOP_SECRET = "cluster-shop-secret-4e1a";
    private static final String OPS_USER = "olga";
    private static final String OPS_PASSWORD = "olga-cluster-secret";
    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final Path WORK = Path.of("target", "cluster-failover");
    private static final String EVENTS_TOPIC = "interchange.order-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArtemisBroker primary;
    private static ArtemisBroker backup;
    private static ClusterDatabase database;
    private static TestErp erp;
    private static InterchangeProcess instanceA;
    private static InterchangeProcess instanceB;
    private static AdminClient opsA;
    private static AdminClient opsB;
    private static PartnerUploads acme;
    private static Path dropBox;

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

        // the SKU families of the REST and webhook orders and of acme's three-order sample
        erp = TestErp.start(List.of("WIDGET-", "GADGET-", "GIZMO-", "BOLT-", "NUT-", "WASHER-", "DRILL-", "BIT-", "GLOVES-"));
        // acme only: the one partner whose files this test drops
        String partners = Files.writeString(run.resolve("partners.yaml"), """
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE, group-id: INTERCHANGE }
                  edifact: { id: INTERCHANGE, qualifier: "14" }
                partners:
                  - id: acme
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: ACMEPARTNER }
                    transport: { type: dropbox, password-hash: "%s" }
                    mappings: { order: acme/x12-850.jslt, order-response: acme/x12-855.jslt }
                    acknowledgements: { type: "997", reject: transaction, duplicate: ta1 }
                """.formatted(PartnerRegistryFile.hash())).toString();
        dropBox = run.resolve("sftp-shared");
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
        // the dead-letter scenario's refused order opens the breaker: a short open time keeps its attempts coming
        shared.put("interchange.erp.breaker.open-seconds", "2");
        shared.put("interchange.partners.file", partners);
        // one folder served by both embedded drop boxes and polled by both intakes: the shared storage
        shared.put("interchange.sftp.root", dropBox.toString());
        shared.put("interchange.sftp.intake.poll-ms", "300");
        shared.put("interchange.sftp.intake.read-lock-check-ms", "300");
        shared.put("interchange.sftp.intake.read-lock-min-age-ms", "300");
        // a claim of the killed instance is taken over after 20 s instead of 5 minutes
        shared.put("interchange.sftp.intake.claim-max-age-ms", "20000");
        shared.put("interchange.sftp.intake.claim-keep-alive-ms", "5000");
        shared.put("interchange.webhook.shop.secret", SHOP_SECRET);
        shared.put("interchange.admin.users", OPS_USER + ":ops");
        shared.put("interchange.admin.user." + OPS_USER + ".password", OPS_PASSWORD);
        shared.put("interchange.cluster.heartbeat-ms", "1000");
        shared.put("interchange.cluster.sync-ms", "500");
        shared.put("interchange.jolokia.enabled", "false");
        instanceA = new InterchangeProcess(run.resolve("instance-a"), run.resolve("instance-a-logs"), node(shared, "node-a"));
        instanceB = new InterchangeProcess(run.resolve("instance-b"), run.resolve("instance-b-logs"), node(shared, "node-b"));
        // one after the other: the first applies the database migrations
        instanceA.start();
        instanceB.start();
        opsA = AdminClient.as(instanceA, OPS_USER, OPS_PASSWORD);
        opsB = AdminClient.as(instanceB, OPS_USER, OPS_PASSWORD);
        acme = new PartnerUploads(EDI_PARTNER, PartnerRegistryFile.PASSWORD, List.of(instanceA.sftpPort(), instanceB.sftpPort()));
    }

    private static Map<String, String> node(Map<String, String> shared, String nodeId) {
        Map<String, String> properties = new HashMap<>(shared);
        properties.put("interchange.node.id", nodeId);
        return properties;
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
    @Order(1)
    void everyAcceptedOrderIsBookedOnceThroughAnInstanceKillAndABrokerFailover() throws Exception {
        long started = System.nanoTime();
        // processing a little behind intake, so that the kills hit transactions in flight
        erp.slowDown(20);
        ResendingClients rest = new ResendingClients("REST clients", REST_ORDERS, (index, attempt) ->
                instance(index + attempt).http().postJson("/api/v1/orders", Orders.json(PARTNER, restNumber(index))));
        // webhooks and files keep pace with the REST orders, so every kill meets all three channels
        ResendingClients webhooks = new ResendingClients("shop webhooks", WEBHOOK_ORDERS,
                (index, attempt) -> postShopOrder(instance(index + attempt), index),
                index -> rest.answered() >= index * REST_ORDERS / WEBHOOK_ORDERS);
        rest.start(REST_CLIENTS);
        webhooks.start(1);
        ExecutorService partner = Executors.newSingleThreadExecutor();
        Future<?> files = partner.submit(() -> {
            for (int i = 0; i < FILES; i++) {
                int file = i;
                await("file " + file + " due").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(100))
                        .until(() -> rest.answered() >= file * REST_ORDERS / FILES);
                acme.upload(fileName(file), purchaseOrders(file));
            }
        });

        rest.awaitAnswered(REST_ORDERS / 5, Duration.ofMinutes(4));
        long instanceKilled = System.nanoTime();
        Instant instanceKilledAt = Instant.now();
        instanceA.kill();
        long instanceGap = rest.millisToFirstAnswerAfter(instanceKilled, Duration.ofMinutes(3));

        rest.awaitAnswered(REST_ORDERS * 9 / 20, Duration.ofMinutes(4));
        long brokerKilled = System.nanoTime();
        primary.kill();
        backup.awaitServing(Duration.ofMinutes(2));
        long takeover = System.nanoTime() - brokerKilled;
        long brokerGap = rest.millisToFirstAnswerAfter(brokerKilled, Duration.ofMinutes(3));

        rest.awaitAnswered(REST_ORDERS * 7 / 10, Duration.ofMinutes(4));
        erp.heal();
        // both back: the instance on the broker that took over, then the primary (it syncs from
        // the backup and takes the work back: a second failover for every client)
        instanceA.start();
        primary.start();

        rest.awaitAll(Duration.ofMinutes(8));
        webhooks.awaitAll(Duration.ofMinutes(3));
        files.get(3, TimeUnit.MINUTES);
        partner.shutdown();
        int ediOrders = FILES * POS_PER_FILE;
        int allOrders = REST_ORDERS + WEBHOOK_ORDERS + ediOrders;
        Map<String, IntFunction<String>> channels = Map.of("rest", ClusterFailoverIT::restNumber,
                "webhook", ClusterFailoverIT::shopNumber, "edi", ClusterFailoverIT::purchaseOrder);
        Map<String, Integer> counts = Map.of("rest", REST_ORDERS, "webhook", WEBHOOK_ORDERS, "edi", ediOrders);
        try {
            await("every accepted order at the ERP").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> erp.allOrders().size() >= allOrders);
        } catch (ConditionTimeoutException e) {
            // the assertions below fail on it; first say where each missing order is
            printMissing(ErpBookings.of(erp), channels, counts);
        }

        ErpBookings bookings = ErpBookings.of(erp);
        Map<String, Integer> lost = new TreeMap<>();
        Map<String, Integer> duplicated = new TreeMap<>();
        channels.forEach((channel, number) -> {
            lost.put(channel, bookings.lost(counts.get(channel), number));
            duplicated.put(channel, bookings.duplicated(counts.get(channel), number));
        });

        // every booked order's document, and every document a REST client was answered with
        Set<String> documents = new HashSet<>();
        erp.allOrders().forEach(order -> documents.add(order.path("origin").path("documentId").asText()));
        rest.answers().values().forEach(answer -> documents.add(answer.documentId()));
        List<ConsumerRecord<String, String>> events = readEvents(records -> acceptedDocuments(records).containsAll(documents));
        Set<String> accepted = acceptedDocuments(events);
        Set<String> eventIds = new HashSet<>();
        int repeatedEvents = 0;
        for (ConsumerRecord<String, String> event : events) {
            repeatedEvents += eventIds.add(JSON.readTree(event.value()).path("id").asText()) ? 0 : 1;
        }
        int deadLetters = DeadLetterCount.of(opsB);

        PartnerOutbound outbound = awaitOutbound(out -> out.ofType("997").size() >= FILES
                && out.ofType("855").size() >= ediOrders);
        Map<String, Integer> acknowledgements = outbound.countsByReference("997");
        Map<String, Integer> responses = outbound.countsByReference("855");
        Map<String, Integer> filesByNode = new TreeMap<>();
        List<String> filesReadTwiceOrSplit = new ArrayList<>();
        int filesTakenOverFromTheKilled = 0;
        for (int file = 0; file < FILES; file++) {
            // a read by the killed instance before its kill may have left the file; the other one then
            // reads it to the end (its orders are known by their business keys): that read completes the file
            Set<String> completedBy = new HashSet<>();
            int reads = 0;
            int cutOff = 0;
            for (int po = 0; po < POS_PER_FILE; po++) {
                for (JsonNode hop : fileReceived(purchaseOrder(file * POS_PER_FILE + po))) {
                    boolean killedMidFile = hop.path("node").asText().equals("node-a")
                            && Instant.parse(hop.path("at").asText()).isBefore(instanceKilledAt);
                    reads++;
                    completedBy.add(hop.path("node").asText());
                    cutOff += killedMidFile ? 1 : 0;
                }
            }
            if (reads == 2 * POS_PER_FILE && cutOff == POS_PER_FILE && completedBy.equals(Set.of("node-a", "node-b"))) {
                filesTakenOverFromTheKilled++;
                completedBy = Set.of("node-b");
            } else if (reads != POS_PER_FILE || completedBy.size() != 1) {
                filesReadTwiceOrSplit.add(fileName(file) + " read by " + completedBy + " (" + reads + " hops)");
            }
            completedBy.forEach(node -> filesByNode.merge(node, 1, Integer::sum));
        }

        System.out.printf("CLUSTER FAILOVER: orders rest=%d webhook=%d edi=%d (%d files) kills=2 (instance A at %d REST answers,"
                        + " primary broker at %d) restarts=2 booked=%d lost=%s duplicated=%s resends rest=%d webhook=%d sftp=%d"
                        + " brokerTakeoverMs=%d firstAnswerAfterInstanceKillMs=%d firstAnswerAfterBrokerKillMs=%d"
                        + " filesByNode=%s filesTakenOverFromKilledInstance=%d 997=%d 855=%d TA1=%d controlNumbers isa13 repeated=%d missing=%d gs06 repeated=%d missing=%d"
                        + " kafkaEvents=%d repeatedEventsSameId=%d ordersWithoutAcceptedEvent=%d falseDeadLetters=%d elapsedS=%d%n",
                REST_ORDERS, WEBHOOK_ORDERS, ediOrders, FILES, REST_ORDERS / 5, REST_ORDERS * 9 / 20, bookings.distinct(),
                lost, duplicated, rest.resends(), webhooks.resends(), acme.retries(), millis(takeover), instanceGap, brokerGap,
                filesByNode, filesTakenOverFromTheKilled, outbound.ofType("997").size(), outbound.ofType("855").size(), outbound.ofType("TA1").size(),
                PartnerOutbound.repeated(outbound.interchangeNumbers()), PartnerOutbound.missing(outbound.interchangeNumbers()),
                PartnerOutbound.repeated(outbound.groupNumbers()), PartnerOutbound.missing(outbound.groupNumbers()),
                events.size(), repeatedEvents, documents.stream().filter(d -> !accepted.contains(d)).count(), deadLetters,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

        assertThat(rest.answers()).hasSize(REST_ORDERS);
        assertThat(webhooks.answers()).hasSize(WEBHOOK_ORDERS);
        assertThat(lost).as("accepted orders never booked, per channel").containsOnly(
                Map.entry("edi", 0), Map.entry("rest", 0), Map.entry("webhook", 0));
        assertThat(duplicated).as("orders booked twice, per channel").containsOnly(
                Map.entry("edi", 0), Map.entry("rest", 0), Map.entry("webhook", 0));
        assertThat(bookings.distinct()).isEqualTo(allOrders);
        assertThat(filesReadTwiceOrSplit).as("files not read by exactly one instance, once").isEmpty();
        // a file moves to archive/ when its exchange completes, just after its 997 is written
        awaitInboundEmpty();
        assertThat(inbound()).as("files left in inbound/").isEmptyDirectory();
        for (int file = 0; file < FILES; file++) {
            assertThat(acknowledgements.getOrDefault(String.valueOf(groupControlNumber(file)), 0))
                    .as("997s acknowledging %s", fileName(file)).isEqualTo(1);
        }
        for (int order = 0; order < ediOrders; order++) {
            assertThat(responses.getOrDefault(purchaseOrder(order), 0)).as("855s answering %s", purchaseOrder(order)).isEqualTo(1);
        }
        assertThat(outbound.ofType("TA1")).as("TA1s: a file read twice is a duplicate interchange").isEmpty();
        assertThat(PartnerOutbound.repeated(outbound.interchangeNumbers())).as("ISA13 sent twice").isZero();
        assertThat(PartnerOutbound.missing(outbound.interchangeNumbers())).as("ISA13 gaps").isZero();
        assertThat(PartnerOutbound.repeated(outbound.groupNumbers())).as("GS06 sent twice").isZero();
        assertThat(PartnerOutbound.missing(outbound.groupNumbers())).as("GS06 gaps").isZero();
        assertThat(accepted).as("an order.accepted event on Kafka for every order").containsAll(documents);
        assertThat(deadLetters).as("dead letters").isZero();
    }

    @Test
    @Order(2)
    void aPartnerSuspendedOnOneInstanceIsHeldOnTheOtherAndResumedOnTheOtherResumesBoth() {
        String intake = "/admin/v1/intakes/sftp-" + EDI_PARTNER;
        int file = FILES;
        PartnerOutbound before = PartnerOutbound.read(outboundFolder());

        opsA.postJson(intake + "/suspend", "{\"reason\":\"partner resends last week's files\"}");
        long suspended = System.nanoTime();
        await("node-b holds the suspension").atMost(CONVERGED)
                .until(() -> opsB.getJson(intake).path("suspended").asBoolean());
        long heldOnB = millis(System.nanoTime() - suspended);

        acme.upload(fileName(file), purchaseOrders(file));
        long uploaded = System.nanoTime();
        // both instances poll every 300 ms: a file left alone for 5 s was left alone by both
        await("the file stays in inbound/").during(Duration.ofSeconds(5)).atMost(CONVERGED)
                .until(() -> Files.exists(inbound().resolve(fileName(file))));
        assertThat(erp.ordersFor(purchaseOrder(file * POS_PER_FILE))).isEmpty();
        long untouchedMs = millis(System.nanoTime() - uploaded);

        opsB.postJson(intake + "/resume", "");
        long resumed = System.nanoTime();
        await("node-a resumes").atMost(CONVERGED).until(() -> !opsA.getJson(intake).path("suspended").asBoolean());
        long resumedOnA = millis(System.nanoTime() - resumed);
        await("the held file booked").atMost(CONVERGED).until(() -> erp.ordersFor(purchaseOrder(file * POS_PER_FILE + 2)).size() == 1);
        long bookedMs = millis(System.nanoTime() - resumed);
        List<String> readBy = fileReceivedBy(purchaseOrder(file * POS_PER_FILE));
        await("its 997").atMost(CONVERGED).until(() -> PartnerOutbound.read(outboundFolder())
                .countsByReference("997").containsKey(String.valueOf(groupControlNumber(file))));

        System.out.printf("CLUSTER SUSPENSION: suspended sftp-%s on node-a, held on node-b after %d ms; a file dropped meanwhile"
                        + " untouched by both for %d ms; resumed on node-b, node-a resumed after %d ms; the file booked %d ms after"
                        + " the resumption, read by %s%n", EDI_PARTNER, heldOnB, untouchedMs, resumedOnA, bookedMs, readBy);

        for (int po = 0; po < POS_PER_FILE; po++) {
            assertThat(erp.ordersFor(purchaseOrder(file * POS_PER_FILE + po))).as("booked once").hasSize(1);
        }
        assertThat(readBy).as("read by one instance, once").hasSize(1);
        PartnerOutbound after = PartnerOutbound.read(outboundFolder());
        assertThat(after.ofType("997").size() - before.ofType("997").size()).as("997s for the held file").isEqualTo(1);
        awaitInboundEmpty();
        assertThat(inbound()).as("the held file left in inbound/").isEmptyDirectory();
    }

    @Test
    @Order(3)
    void aDeadLetterWrittenOnOneInstanceIsReplayedOnTheOtherAndBookedOnce() throws Exception {
        String number = "CF-DEAD-1";
        // the ERP turns this one order away (503) until it is healed: its attempts run out, it is dead-lettered
        erp.failAlwaysFor(number, 503);
        HttpResponse<String> posted = instanceA.http().postJson("/api/v1/orders", Orders.json(PARTNER, number));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String documentId = Http.json(posted).path("documentId").asText();
        String query = "/admin/v1/dead-letters?queue=orders.dlq&documentId=" + documentId;
        long sent = System.nanoTime();
        await("the order in orders.dlq").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> opsB.getJson(query).path("matched").asInt() == 1);
        long deadLetteredMs = millis(System.nanoTime() - sent);
        JsonNode letter = opsB.getJson(query).path("deadLetters").get(0);
        String deadLetteredBy = hops(documentId, "dead-lettered").get(0);
        // replayed on the instance that did not dead-letter it
        String replayedBy = deadLetteredBy.equals("node-a") ? "node-b" : "node-a";
        AdminClient replayer = replayedBy.equals("node-a") ? opsA : opsB;
        erp.heal();

        JsonNode replayed = replayer.postJson("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "");
        long replayedAt = System.nanoTime();
        await("the replayed order booked").atMost(CONVERGED).until(() -> erp.ordersFor(number).size() == 1);
        long bookedMs = millis(System.nanoTime() - replayedAt);
        await("the order accepted").atMost(CONVERGED).until(() ->
                "accepted".equals(opsA.getJson("/admin/v1/documents/" + documentId).path("state").asText()));
        List<Integer> erpAnswers = erp.answersFor("rest:" + PARTNER + ":" + number);
        int deadLetters = DeadLetterCount.of(opsA);

        System.out.printf("CLUSTER REPLAY: %s refused by the ERP %d times, dead-lettered by %s after %d ms (%s);"
                        + " replayed on %s, booked %d ms later; ERP answers %s; dead letters left %d%n", number,
                erpAnswers.stream().filter(status -> status == 503).count(), deadLetteredBy, deadLetteredMs,
                letter.path("reason").asText(), replayedBy, bookedMs, erpAnswers, deadLetters);

        assertThat(replayed.path("outcome").asText()).isEqualTo("ok");
        assertThat(letter.path("attempts").asInt()).isPositive();
        assertThat(erp.ordersFor(number)).as("booked once").hasSize(1);
        assertThat(erpAnswers).as("ERP answers: refusals, then one booking (201)").isNotEmpty()
                .filteredOn(status -> status < 300).containsExactly(erpAnswers.get(erpAnswers.size() - 1));
        assertThat(hops(documentId, "replayed")).as("replayed by").containsExactly(replayedBy);
        assertThat(deadLetters).as("dead letters left").isZero();
    }

    private static InterchangeProcess instance(int turn) {
        return turn % 2 == 0 ? instanceA : instanceB;
    }

    private static HttpResponse<String> postShopOrder(InterchangeProcess instance, int index) {
        byte[] body = WebhookDeliveries.shopOrder(Long.parseLong(shopNumber(index)));
        // a platform resends a delivery with its delivery id
        return instance.http().post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", "cluster-delivery-" + index,
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    /** acme's three-order sample as file {@code file}: its own ISA13 and GS06, POs {@code CE<file>-5001..5003}. */
    private static String purchaseOrders(int file) {
        String x12 = EdiSamples.x12("x12/acme-850-004010-three-orders.edi", 700_000 + file, "CE" + file);
        return x12.replace("*0800*102*X*", "*0800*" + groupControlNumber(file) + "*X*")
                .replace("GE*3*102~", "GE*3*" + groupControlNumber(file) + "~");
    }

    private static long groupControlNumber(int file) {
        return 7_000 + file;
    }

    private static String fileName(int file) {
        return "cluster-" + file + ".edi";
    }

    private static String restNumber(int index) {
        return "CF-" + index;
    }

    private static String shopNumber(int index) {
        return String.valueOf(880_000 + index);
    }

    /** The PO number of the {@code order}-th EDI order: file {@code order / 3}, PO 5001 to 5003. */
    private static String purchaseOrder(int order) {
        return "CE" + order / POS_PER_FILE + "-" + (5001 + order % POS_PER_FILE);
    }

    /** Waits until inbound/ is empty, or until {@link #CONVERGED} has passed (the assertion after it then fails). */
    private static void awaitInboundEmpty() {
        try {
            await("inbound/ emptied").atMost(CONVERGED).until(() -> {
                try (var files = Files.list(inbound())) {
                    return files.findAny().isEmpty();
                }
            });
        } catch (ConditionTimeoutException e) {
            // the assertion that follows names the files left
        }
    }

    private static Path inbound() {
        return dropBox.resolve("partners").resolve(EDI_PARTNER).resolve("inbound");
    }

    private static Path outboundFolder() {
        return dropBox.resolve("partners").resolve(EDI_PARTNER).resolve("outbound");
    }

    /** The outbound folder once {@code complete} holds for it, or as it is after two minutes (the assertions say what is missing). */
    private static PartnerOutbound awaitOutbound(Predicate<PartnerOutbound> complete) {
        try {
            await("the partner's outbound folder").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> complete.test(PartnerOutbound.read(outboundFolder())));
        } catch (ConditionTimeoutException e) {
            // not complete: read below and reported
        }
        return PartnerOutbound.read(outboundFolder());
    }

    /** The instances named by the document's file-received hops (one per read of its file). */
    private static List<String> fileReceivedBy(String purchaseOrder) {
        return fileReceived(purchaseOrder).stream().map(hop -> hop.path("node").asText()).toList();
    }

    /** Each order the ERP never booked (up to 20 per channel), with its state and last hops as instance B tracks it. */
    private static void printMissing(ErpBookings bookings, Map<String, IntFunction<String>> channels, Map<String, Integer> counts) {
        Map<String, String> partners = Map.of("rest", PARTNER, "webhook", "shop", "edi", EDI_PARTNER);
        channels.forEach((channel, number) -> {
            List<String> missing = bookings.missing(counts.get(channel), number);
            System.out.printf("CLUSTER FAILOVER MISSING %s: %d %s%n", channel, missing.size(), missing);
            for (String external : missing.subList(0, Math.min(20, missing.size()))) {
                JsonNode found = opsB.getJson("/admin/v1/documents?partnerId=" + partners.get(channel) + "&externalNumber=" + external)
                        .path("documents");
                if (found.isEmpty()) {
                    System.out.printf("  %s: not tracked%n", external);
                    continue;
                }
                JsonNode document = opsB.getJson("/admin/v1/documents/" + found.get(0).path("documentId").asText());
                List<String> steps = new ArrayList<>();
                document.path("timeline").forEach(hop -> steps.add(hop.path("step").asText() + "@" + hop.path("node").asText()));
                System.out.printf("  %s: state %s, attempts %s, hops %s%n", external, document.path("state").asText(),
                        document.path("attempts").asText(), steps.subList(Math.max(0, steps.size() - 6), steps.size()));
            }
        });
    }

    /** The file-received hops of the PO's document (one per read of its file: node and time). */
    private static List<JsonNode> fileReceived(String purchaseOrder) {
        JsonNode found = opsB.getJson("/admin/v1/documents?partnerId=" + EDI_PARTNER + "&externalNumber=" + purchaseOrder)
                .path("documents");
        assertThat(found).as(purchaseOrder).hasSize(1);
        return timeline(found.get(0).path("documentId").asText(), "file-received");
    }

    /** The nodes of a document's timeline hops named {@code step}, in order. */
    private static List<String> hops(String documentId, String step) {
        return timeline(documentId, step).stream().map(hop -> hop.path("node").asText()).toList();
    }

    private static List<JsonNode> timeline(String documentId, String step) {
        List<JsonNode> hops = new ArrayList<>();
        for (JsonNode hop : opsB.getJson("/admin/v1/documents/" + documentId).path("timeline")) {
            if (hop.path("step").asText().equals(step)) {
                hops.add(hop);
            }
        }
        return hops;
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

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
