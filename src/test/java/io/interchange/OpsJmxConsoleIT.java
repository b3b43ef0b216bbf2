package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ops use a JMX console (JConsole over remote JMX, Hawtio over Jolokia) with their admin credentials. */
class OpsJmxConsoleIT {

    private static final String DLQ = "io.interchange:type=DeadLetterQueue,name=orders.dlq";

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static JMXServiceURL url;
    private static AdminClient ops;

    @BeforeAll
    static void start() throws Exception {
        erp = TestErp.start();
        int jmxPort = FreePorts.next();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.jmx.remote.port", String.valueOf(jmxPort),
                "interchange.processing.max-attempts", "2",
                "interchange.processing.redelivery-delay-ms", "100",
                "interchange.erp.breaker.minimum-calls", "1000",
                "interchange.admin.users", "olga:ops,vera:viewer",
                "interchange.admin.user.olga.password", "olga-secret",
                "interchange.admin.user.vera.password", "vera-secret"));
        url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi");
        ops = AdminClient.as(interchange, "olga", "olga-secret");
    }

    @AfterEach
    void healErp() {
        erp.heal();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void remoteJmxListsInterchangeCamelAndArtemisMBeansForAnAdminUser() throws Exception {
        try (JMXConnector jmx = connect("vera", "vera-secret")) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();

            Set<ObjectName> interchangeBeans = server.queryNames(new ObjectName("io.interchange:*"), null);

            assertThat(interchangeBeans).extracting(ObjectName::toString).contains(DLQ,
                    "io.interchange:type=ErpBreaker", "io.interchange:type=Intakes", "io.interchange:type=RouteReload");
            assertThat(server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)).isNotEmpty();
            assertThat(server.queryNames(new ObjectName("org.apache.activemq.artemis:*"), null)).isNotEmpty();
            assertThat(server.getAttribute(new ObjectName("io.interchange:type=ErpBreaker"), "State")).isEqualTo("CLOSED");
            assertThat(server.getAttribute(new ObjectName(DLQ), "MessageCount")).isInstanceOf(Long.class);
        }
    }

    @Test
    void remoteJmxRefusesConnectionsWithoutValidCredentials() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(url).close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("olga", "wrong").close()).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("nobody", "olga-secret").close()).isInstanceOf(SecurityException.class);
    }

    @Test
    void theViewerReadsOverRemoteJmxButMayNotInvokeAnOperationAndOpsMay() throws Exception {
        ObjectName intakes = new ObjectName("io.interchange:type=Intakes");
        Object[] arguments = {"rest", "maintenance"};
        String[] signature = {String.class.getName(), String.class.getName()};

        try (JMXConnector viewer = connect("vera", "vera-secret")) {
            MBeanServerConnection server = viewer.getMBeanServerConnection();
            assertThat((String[]) server.getAttribute(intakes, "Suspended")).isEmpty();
            assertThatThrownBy(() -> server.invoke(intakes, "suspend", arguments, signature))
                    .isInstanceOf(SecurityException.class).hasMessageContaining("Access denied");
        }
        assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).as("nothing changed").isFalse();

        try (JMXConnector jmx = connect("olga", "olga-secret")) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            server.invoke(intakes, "suspend", arguments, signature);
            assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).isTrue();
            server.invoke(intakes, "resume", new Object[] {"rest"}, new String[] {String.class.getName()});
        }
        assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).isFalse();
        JsonNode entry = ops.getJson("/admin/v1/audit?action=suspend&actor=olga").path("entries").get(0);
        assertThat(entry.path("via").asText()).as("ops actions over JMX are audited as the JMX user").isEqualTo("jmx");
    }

    @Test
    void opsReplayADeadLetterOverJmxAndTheViewerMayNot() throws Exception {
        erp.fail(503, -1);
        String documentId = Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("jmx-shop", "J-1")))
                .path("documentId").asText();
        awaitState(interchange.http(), documentId, "dead-lettered");
        String id = deadLetterId(documentId);
        erp.heal();

        try (JMXConnector viewer = connect("vera", "vera-secret")) {
            MBeanServerConnection server = viewer.getMBeanServerConnection();
            assertThat((Long) server.getAttribute(new ObjectName(DLQ), "MessageCount")).isPositive();
            assertThatThrownBy(() -> server.invoke(new ObjectName(DLQ), "replay", new Object[] {id},
                    new String[] {String.class.getName()})).isInstanceOf(SecurityException.class);
        }
        try (JMXConnector jmx = connect("olga", "olga-secret")) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();

            Object answer = server.invoke(new ObjectName(DLQ), "replay", new Object[] {id}, new String[] {String.class.getName()});

            assertThat(answer.toString()).startsWith("ok: replayed from orders.dlq to orders.inbound by olga");
            assertThatThrownBy(() -> server.invoke(new ObjectName(DLQ), "replay", new Object[] {"no-such-id"},
                    new String[] {String.class.getName()})).hasMessageContaining("No dead letter with id no-such-id");
        }
        awaitState(interchange.http(), documentId, "accepted");
        assertThat(erp.ordersFor("J-1")).hasSize(1);
        JsonNode audit = ops.getJson("/admin/v1/audit?action=replay&target=" + documentId).path("entries");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("olga");
        assertThat(audit.get(0).path("via").asText()).isEqualTo("jmx");
    }

    @Test
    void jolokiaServesHawtioOnlyForAdminUsersAndTheViewerOnlyReads() {
        String read = "/observe/jolokia/read/io.interchange:type=ErpBreaker/State";
        String exec = "/observe/jolokia/exec/io.interchange:type=Intakes/suspend/rest/by-viewer";

        HttpResponse<String> anonymous = AdminClient.anonymous(interchange).get(read);
        HttpResponse<String> viewerRead = AdminClient.as(interchange, "vera", "vera-secret").get(read);
        HttpResponse<String> viewerExec = AdminClient.as(interchange, "vera", "vera-secret").get(exec);
        HttpResponse<String> viewerPostExec = AdminClient.as(interchange, "vera", "vera-secret").post("/observe/jolokia",
                "{\"type\":\"exec\",\"mbean\":\"io.interchange:type=Intakes\",\"operation\":\"suspend\",\"arguments\":[\"rest\",\"x\"]}");
        HttpResponse<String> opsList = ops.post("/observe/jolokia",
                "[{\"type\":\"read\",\"mbean\":\"io.interchange:type=ErpBreaker\",\"attribute\":\"State\"},{\"type\":\"version\"}]");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(viewerRead.statusCode()).isEqualTo(200);
        assertThat(Http.json(viewerRead).path("value").asText()).isEqualTo("CLOSED");
        assertThat(viewerExec.statusCode()).isEqualTo(403);
        assertThat(viewerPostExec.statusCode()).isEqualTo(403);
        assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).as("nothing changed").isFalse();
        HttpResponse<String> heapDump = ops.get("/observe/jolokia/exec/com.sun.management:type=HotSpotDiagnostic/dumpHeap/x.hprof/true");
        assertThat(Http.json(heapDump).path("status").asInt()).as("not even ops dump the heap over HTTP").isEqualTo(403);
        assertThat(opsList.statusCode()).isEqualTo(200);
        assertThat(Http.json(opsList).get(0).path("value").asText()).isEqualTo("CLOSED");
    }

    @Test
    void opsSuspendAndResumeAnIntakeOverJolokiaAsThemselves() {
        HttpResponse<String> suspended = ops.get("/observe/jolokia/exec/io.interchange:type=Intakes/suspend/rest/maintenance");

        assertThat(suspended.statusCode()).isEqualTo(200);
        assertThat(Http.json(suspended).path("value").asText()).isEqualTo("rest suspended");
        await().atMost(Duration.ofSeconds(60)).until(() -> ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean());
        JsonNode entry = ops.getJson("/admin/v1/audit?action=suspend").path("entries").get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("olga");
        assertThat(entry.path("via").asText()).isEqualTo("jolokia");

        ops.get("/observe/jolokia/exec/io.interchange:type=Intakes/resume/rest");

        assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).isFalse();
    }

    private static String deadLetterId(String documentId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode letters = ops.getJson("/admin/v1/dead-letters?documentId=" + documentId).path("deadLetters");
            id[0] = letters.isEmpty() ? null : letters.get(0).path("id").asText();
            return id[0] != null;
        });
        return id[0];
    }

    private static JMXConnector connect(String user, String password) throws Exception {
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }
}
