package io.interchange;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.EdiSamples;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Interchange runtimes in one JVM as two instances of a cluster: one H2 database (the same file,
 * which H2 shares between the two), the embedded broker of instance A (B is its client), one SFTP
 * drop-box folder that both embedded drop boxes serve and both partner intakes poll, one ERP.
 * Operations done on one instance hold on the other; each file is taken once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOperationsIT {

    private static final Duration CONVERGED = Duration.ofSeconds(30);

    private static TestErp erp;
    private static Path dropBox;
    private static int sftpPortA;
    private static RunningInterchange a;
    private static RunningInterchange b;
    private static AdminClient opsA;
    private static AdminClient opsB;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        erp = TestErp.start();
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        Path shared = Files.createTempDirectory("interchange-cluster-");
        dropBox = shared.resolve("sftp");
        String database = "jdbc:h2:file:" + shared.resolve("db/interchange") + ";DB_CLOSE_ON_EXIT=FALSE";
        int brokerPort = FreePorts.next();
        sftpPortA = FreePorts.next();

        Map<String, String> common = new HashMap<>();
        common.put("interchange.db.url", database);
        common.put("interchange.sftp.root", dropBox.toString());
        common.put("interchange.admin.users", "olga:ops");
        common.put("interchange.admin.user.olga.password", "olga-secret");
        common.put("interchange.cluster.heartbeat-ms", "500");
        common.put("interchange.cluster.sync-ms", "500");
        common.put("interchange.cluster.instance-timeout-ms", "5000");
        common.put("interchange.cluster.lease-ms", "3000");
        common.put("interchange.cluster.lease-renew-ms", "1000");
        common.put("interchange.jolokia.enabled", "false");

        Map<String, String> first = new HashMap<>(common);
        first.putAll(registry.dropBoxProperties(sftpPortA));
        first.put("interchange.node.id", "node-a");
        first.put("interchange.broker.embedded.acceptor", "tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP");
        a = RunningInterchange.start(erp, first);

        Map<String, String> second = new HashMap<>(common);
        second.putAll(registry.dropBoxProperties(FreePorts.next()));
        second.put("interchange.node.id", "node-b");
        second.put("interchange.broker.url", "tcp://localhost:" + brokerPort);
        second.put("interchange.console.broker-console-url", "http://localhost:8161/console");
        // one JMX name per Camel context in a JVM
        second.put("camel.main.name", "interchange-b");
        b = RunningInterchange.start(erp, second);

        opsA = AdminClient.as(a, "olga", "olga-secret");
        opsB = AdminClient.as(b, "olga", "olga-secret");
        await().atMost(CONVERGED).until(() -> a.context().getRoute("intake-sftp-acme") != null
                && b.context().getRoute("intake-sftp-acme") != null);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        erp.close();
    }

    @Test
    @Order(1)
    void eitherInstanceServesTheConsoleAndOneOnAnExternalBrokerLinksThatBrokersConsole() {
        for (RunningInterchange instance : new RunningInterchange[] {a, b}) {
            HttpResponse<String> page = instance.http().get("/console/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Interchange console</title>");
        }
        assertThat(opsB.getJson("/admin/v1/console").path("brokerConsole").asText()).isEqualTo("http://localhost:8161/console");
        assertThat(opsA.getJson("/admin/v1/console").path("brokerConsole").isNull()).as("embedded: Hawtio shows it").isTrue();
    }

    @Test
    @Order(1)
    void bothInstancesAreListedAliveAndExactlyOneLeadsHousekeeping() {
        await().atMost(CONVERGED).untilAsserted(() -> {
            JsonNode answer = opsB.getJson("/admin/v1/cluster/instances");
            assertThat(answer.path("node").asText()).isEqualTo("node-b");
            assertThat(answer.path("instances").findValuesAsText("nodeId")).containsExactly("node-a", "node-b");
            assertThat(answer.path("instances").findValuesAsText("alive")).containsExactly("true", "true");
            assertThat(leaders(answer, "ops-housekeeping")).hasSize(1);
        });
        JsonNode health = Http.json(a.http().get("/observe/health?data=true")).path("checks").findParents("name")
                .stream().filter(check -> check.path("name").asText().equals("cluster")).findFirst().orElseThrow();
        assertThat(health.path("data").path("node").asText()).isEqualTo("node-a");
        assertThat(health.path("data").path("instance.node-b").asText()).isEqualTo("alive");
        assertThat(a.http().get("/observe/metrics").body()).contains("interchange_node_info{node=\"node-a\"} 1");
    }

    @Test
    @Order(2)
    void aSuspensionOnOneInstanceHoldsOnTheOtherAndAResumptionAnywhereResumesBoth() throws Exception {
        opsA.postJson("/admin/v1/intakes/sftp-acme/suspend", "{\"reason\":\"partner resends last week's files\"}");
        long suspended = System.nanoTime();

        await().atMost(CONVERGED).until(() -> opsB.getJson("/admin/v1/intakes/sftp-acme").path("suspended").asBoolean());
        long suspendedOnB = Duration.ofNanos(System.nanoTime() - suspended).toMillis();
        await().atMost(CONVERGED).until(() -> suspendedOn("node-a").contains("sftp-acme")
                && suspendedOn("node-b").contains("sftp-acme"));
        try (SftpAccount acme = SftpAccount.login(sftpPortA, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/held.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 2001, "CLH"));
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(inbound().resolve("held.edi")));

        opsB.postJson("/admin/v1/intakes/sftp-acme/resume", "");
        long resumed = System.nanoTime();

        await().atMost(CONVERGED).until(() -> !opsA.getJson("/admin/v1/intakes/sftp-acme").path("suspended").asBoolean());
        System.out.printf("cluster suspension: suspended on node-a, held on node-b after %d ms; resumed on node-b, "
                + "node-a resumed after %d ms%n", suspendedOnB, Duration.ofNanos(System.nanoTime() - resumed).toMillis());
        await().atMost(CONVERGED).until(() -> erp.ordersFor("CLH-4711").size() == 1);

        // the REST intake is a flag, not a route: the same holds for it
        opsB.postJson("/admin/v1/intakes/rest/suspend", "{\"reason\":\"client floods us\"}");
        await().atMost(CONVERGED).until(() ->
                a.http().postJson("/api/v1/orders", Orders.json("cluster-shop", "CL-REST-1")).statusCode() == 503);
        opsA.postJson("/admin/v1/intakes/rest/resume", "");
        await().atMost(CONVERGED).until(() ->
                b.http().postJson("/api/v1/orders", Orders.json("cluster-shop", "CL-REST-2")).statusCode() == 202);
    }

    @Test
    @Order(3)
    void filesDroppedWhileBothInstancesPollAreBookedOnceAndAcknowledgedOnce() throws Exception {
        int files = 8;
        long acknowledgementsBefore = outbound("997-");
        // B polls the same folder: with A's intake stopped (here only, not a cluster operation) B takes the file
        a.context().getRouteController().stopRoute("intake-sftp-acme");
        try (SftpAccount acme = SftpAccount.login(sftpPortA, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/for-b.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 2999, "CLB"));
        }
        await().atMost(CONVERGED).until(() -> erp.ordersFor("CLB-4711").size() == 1);
        assertThat(fileReceivedBy("CLB-4711")).containsExactly("node-b");
        a.context().getRouteController().startRoute("intake-sftp-acme");

        try (SftpAccount acme = SftpAccount.login(sftpPortA, "acme", PartnerRegistryFile.PASSWORD)) {
            for (int i = 0; i < files; i++) {
                acme.put("inbound/shared-" + i + ".edi",
                        EdiSamples.x12("x12/acme-850-004010-single.edi", 3000 + i, "CLF" + i));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (int i = 0; i < files; i++) {
                if (erp.ordersFor("CLF" + i + "-4711").isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        await().atMost(CONVERGED).until(() -> outbound("997-") - acknowledgementsBefore == files + 1);

        Set<String> takenBy = new TreeSet<>();
        for (int i = 0; i < files; i++) {
            assertThat(erp.ordersFor("CLF" + i + "-4711")).as("file %d booked once", i).hasSize(1);
            List<String> receivedBy = fileReceivedBy("CLF" + i + "-4711");
            assertThat(receivedBy).as("file %d read by one instance, once", i).hasSize(1);
            takenBy.addAll(receivedBy);
        }
        assertThat(takenBy).as("the instances that took the files").isSubsetOf("node-a", "node-b");
        assertThat(outbound("TA1-")).as("no file was read twice (a second read is a duplicate interchange)").isZero();
        assertThat(inbound()).isEmptyDirectory();
        System.out.printf("cluster files: %d files, %d booked, %d acknowledged, taken by %s%n", files + 1, files + 1,
                outbound("997-") - acknowledgementsBefore, takenBy);
    }

    /** The instances named by the document's file-received hops (one per read of its file). */
    private static List<String> fileReceivedBy(String purchaseOrder) {
        JsonNode documents = opsA.getJson("/admin/v1/documents?partnerId=acme&externalNumber=" + purchaseOrder)
                .path("documents");
        assertThat(documents).as(purchaseOrder).hasSize(1);
        List<String> nodes = new ArrayList<>();
        for (JsonNode hop : documents.get(0).path("timeline")) {
            if (hop.path("step").asText().equals("file-received")) {
                nodes.add(hop.path("node").asText());
            }
        }
        return nodes;
    }

    @Test
    @Order(4)
    void aStoppedInstanceLeavesTheListAndHousekeepingStaysLed() {
        b.stop();
        long stopped = System.nanoTime();

        await().atMost(CONVERGED).untilAsserted(() -> {
            JsonNode answer = opsA.getJson("/admin/v1/cluster/instances");
            assertThat(answer.path("instances").findValuesAsText("nodeId")).containsExactly("node-a");
            assertThat(leaders(answer, "ops-housekeeping")).containsExactly("node-a");
        });
        System.out.printf("cluster stop: node-b stopped, node-a alone and leading housekeeping after %d ms%n",
                Duration.ofNanos(System.nanoTime() - stopped).toMillis());
    }

    private static List<String> leaders(JsonNode instances, String namespace) {
        List<String> leaders = new ArrayList<>();
        for (JsonNode instance : instances.path("instances")) {
            for (JsonNode lease : instance.path("leads")) {
                if (lease.asText().equals(namespace)) {
                    leaders.add(instance.path("nodeId").asText());
                }
            }
        }
        return leaders;
    }

    /** The intakes an instance reported suspended in its last heartbeat. */
    private static List<String> suspendedOn(String node) {
        List<String> suspended = new ArrayList<>();
        for (JsonNode instance : opsA.getJson("/admin/v1/cluster/instances").path("instances")) {
            if (instance.path("nodeId").asText().equals(node)) {
                instance.path("suspendedIntakes").forEach(intake -> suspended.add(intake.asText()));
            }
        }
        return suspended;
    }

    private static Path inbound() {
        return dropBox.resolve("partners/acme/inbound");
    }

    private static long outbound(String prefix) {
        try (Stream<Path> files = Files.list(dropBox.resolve("partners/acme/outbound"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
