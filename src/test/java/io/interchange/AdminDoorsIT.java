package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The doors of the admin side, tried as an attacker would over real HTTP on loopback: login
 * throttling of the admin API and Jolokia, Jolokia's allowlist per role and its audit, no secret in
 * any Jolokia answer, and a slow client cut off. The address lockout runs last: every test here
 * comes from the one loopback address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminDoorsIT {

    /** The ERP password, a value that must never be in a Jolokia answer. */
    private static final String ERP_SECRET = "Erp-Door-Secret-7f3Q";
    /** The drop box's service password: in every partner intake's endpoint URI (a route template parameter). */
    private static final String DROP_BOX_SECRET = "Drop-Box-Secret-9k2W";

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient ops;
    private static AdminClient viewer;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.ofEntries(
                Map.entry("interchange.erp.password", ERP_SECRET),
                Map.entry("interchange.sftp.service-password", DROP_BOX_SECRET),
                Map.entry("interchange.admin.users", "olga:ops,vera:viewer,lars:viewer"),
                Map.entry("interchange.admin.user.olga.password", "olga-secret"),
                Map.entry("interchange.admin.user.vera.password", "vera-secret"),
                Map.entry("interchange.admin.user.lars.password", "lars-secret"),
                Map.entry("interchange.login.user-failures", "5"),
                Map.entry("interchange.login.address-failures", "12"),
                Map.entry("interchange.login.lockout", "PT10M"),
                Map.entry("interchange.http.request-read-timeout-ms", "2000")));
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    @Order(1)
    void viewerReadsAndCallsOnlyReadingOperationsOverJolokia() {
        HttpResponse<String> state = viewer.get("/observe/jolokia/read/io.interchange:type=ErpBreaker/State");
        HttpResponse<String> list = viewer.get("/observe/jolokia/exec/io.interchange:type=DeadLetterQueue,name=orders.dlq/list/10");
        HttpResponse<String> suspend = viewer.get("/observe/jolokia/exec/io.interchange:type=Intakes/suspend/rest/by-viewer");
        HttpResponse<String> stopRoute = viewer.post("/observe/jolokia", exec(route("ops-housekeeping"), "stop()"));

        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(Http.json(state).path("value").asText()).isEqualTo("CLOSED");
        assertThat(Http.json(list).path("status").asInt()).as(list.body()).isEqualTo(200);
        assertThat(suspend.statusCode()).isEqualTo(403);
        assertThat(stopRoute.statusCode()).isEqualTo(403);
        assertThat(ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).isFalse();
        assertThat(interchange.context().getRouteController().getRouteStatus("ops-housekeeping").isStarted()).isTrue();
    }

    @Test
    @Order(2)
    void opsMayStopAndStartARouteButNeverSendBodiesRemoveEndpointsDumpRoutesOrStopCamel() {
        String context = camelContextMBean();
        String[][] refused = {
            {context, "sendBody(java.lang.String,java.lang.Object)", "[\"direct:x\",\"x\"]"},
            {context, "removeEndpoints", "[\"*\"]"},
            {context, "dumpRoutesAsXml", "[]"},
            {context, "dumpRoutesAsXml(boolean)", "[true]"},
            {context, "dumpRoutesAsXml(boolean,boolean)", "[true,true]"},
            {context, "dumpRoutesAsYaml", "[]"},
            {context, "stop", "[]"},
            {route("process-orders"), "dumpRouteAsXml", "[]"},
            {"com.sun.management:type=DiagnosticCommand", "vmSystemProperties", "[]"},
        };
        for (String[] call : refused) {
            HttpResponse<String> answer = ops.post("/observe/jolokia", exec(call[0], call[1], call[2]));
            assertThat(answer.statusCode()).as(call[1] + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.body()).doesNotContain(ERP_SECRET);
        }
        assertThat(interchange.context().getStatus().isStarted()).isTrue();
        HttpResponse<String> bulk = ops.post("/observe/jolokia", "[{\"type\":\"version\"},"
                + exec(context, "removeEndpoints", "[\"*\"]") + "]");
        assertThat(bulk.statusCode()).as("a bulk call, as Hawtio sends, answers per request").isEqualTo(200);
        assertThat(Http.json(bulk).get(0).path("status").asInt()).isEqualTo(200);
        assertThat(Http.json(bulk).get(1).path("status").asInt()).isEqualTo(403);

        HttpResponse<String> stopped = ops.post("/observe/jolokia", exec(route("ops-housekeeping"), "stop()"));
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(Http.json(stopped).path("status").asInt()).as(stopped.body()).isEqualTo(200);
        assertThat(interchange.context().getRouteController().getRouteStatus("ops-housekeeping").isStopped()).isTrue();
        HttpResponse<String> started = ops.post("/observe/jolokia", exec(route("ops-housekeeping"), "start"));
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(interchange.context().getRouteController().getRouteStatus("ops-housekeeping").isStarted()).isTrue();
    }

    @Test
    @Order(3)
    void everyJolokiaExecIsAuditedAllowedOrRefused() {
        ops.post("/observe/jolokia", exec(camelContextMBean(), "removeEndpoints", "[\"*\"]"));
        ops.post("/observe/jolokia", exec(route("ops-housekeeping"), "start"));
        viewer.get("/observe/jolokia/exec/io.interchange:type=Intakes/suspend/rest/audited");

        JsonNode entries = ops.getJson("/admin/v1/audit?action=exec&limit=1000").path("entries");
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " "
                + e.path("target").asText() + " " + e.path("outcome").asText()));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("olga exec ")
                .contains("removeEndpoints").endsWith(" denied"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("olga exec ")
                .contains("ops-housekeeping").contains("/start").endsWith(" ok"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("vera exec ")
                .contains("suspend").endsWith(" denied"));
    }

    @Test
    @Order(4)
    void noJolokiaReadOfCamelArtemisOrInterchangeMBeansShowsTheErpPassword() {
        String[] reads = {
            "{\"type\":\"read\",\"mbean\":\"org.apache.camel:*\",\"config\":{\"ignoreErrors\":true}}",
            "{\"type\":\"read\",\"mbean\":\"org.apache.activemq.artemis:*\",\"config\":{\"ignoreErrors\":true}}",
            "{\"type\":\"read\",\"mbean\":\"io.interchange:*\",\"config\":{\"ignoreErrors\":true}}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:*\",\"config\":{\"ignoreErrors\":true}}",
            "{\"type\":\"list\",\"path\":\"org.apache.camel\"}",
            "{\"type\":\"search\",\"mbean\":\"*:*\"}",
            "{\"type\":\"exec\",\"mbean\":\"" + jsonEscape(camelContextMBean()) + "\",\"operation\":\"dumpRoutesStatsAsXml\",\"arguments\":[true,true]}",
        };
        // as ops: the viewer's reads are a subset of the ops' (the same deny list, fewer operations)
        for (String read : reads) {
            HttpResponse<String> answer = ops.post("/observe/jolokia", read);
            assertThat(answer.statusCode()).as(read).isEqualTo(200);
            assertThat(answer.body()).as(read).hasSizeGreaterThan(100).doesNotContain(ERP_SECRET);
        }
        HttpResponse<String> endpoints = viewer.post("/observe/jolokia",
                "{\"type\":\"read\",\"mbean\":\"org.apache.camel:type=endpoints,*\",\"config\":{\"ignoreErrors\":true}}");
        assertThat(endpoints.body()).as("the ERP endpoint is there, its password masked by Camel")
                .contains("authUsername").contains("authPassword=xxxxxx");
    }

    @Test
    @Order(4)
    void everyRoleDumpsTheRoutesForHawtiosDiagramWithTheirPlaceholdersNotTheirSecrets() {
        for (AdminClient user : new AdminClient[] {ops, viewer}) {
            HttpResponse<String> dump = user.post("/observe/jolokia", exec(camelContextMBean(), "dumpRoutesAsXml()", "[]"));
            assertThat(dump.statusCode()).as(dump.body()).isEqualTo(200);
            assertThat(Http.json(dump).path("status").asInt()).as(dump.body()).isEqualTo(200);
            String routes = Http.json(dump).path("value").asText();
            assertThat(routes).contains("id=\"process-orders\"").contains("id=\"outbound-erp-orders\"")
                    .contains("{{interchange.erp.password}}").contains("id=\"intake-sftp-");
            assertThat(dump.body()).doesNotContain(ERP_SECRET).doesNotContain(DROP_BOX_SECRET);
        }
    }

    @Test
    @Order(5)
    void aClientDrippingItsBodyIsCutOffWithA408() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(interchange.property("interchange.http.port")))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicBoolean cut = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                try {
                    out.write('{');
                    out.flush();
                    return socket.getInputStream().available() > 0;
                } catch (IOException closed) {
                    cut.set(true);
                    return true;
                }
            });
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            if (!answer.isEmpty() || !cut.get()) {
                assertThat(answer).startsWith("HTTP/1.1 408").contains("request-timeout");
            }
        }
    }

    @Test
    @Order(6)
    void twentyWrongLoginsLockTheUserWithRetryAfterWhileOthersGetIn() {
        AdminClient guesser = AdminClient.as(interchange, "lars", "guess");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = i % 2 == 0 ? guesser.get("/admin/v1/audit") : guesser.get("/observe/jolokia/version");
            statuses.add(last.statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 20)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(AdminClient.as(interchange, "lars", "lars-secret").get("/admin/v1/audit").statusCode())
                .as("the right password does not open a locked account").isEqualTo(429);
        assertThat(ops.get("/admin/v1/audit").statusCode()).as("another user from the same address").isEqualTo(200);
    }

    @Test
    @Order(7)
    void wrongLoginsUnderManyNamesLockTheAddress() {
        // 5 failures of lars counted already; the address threshold is 12
        for (int i = 0; i < 7; i++) {
            assertThat(AdminClient.as(interchange, "sprayed-" + i, "guess").get("/admin/v1/audit").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> locked = ops.get("/admin/v1/audit");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Http.json(locked).path("detail").asText()).contains("address");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(viewer.get("/observe/jolokia/version").statusCode()).isEqualTo(429);
    }

    private static String camelContextMBean() {
        JsonNode found = ops.postJson("/observe/jolokia", "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=context,*\"}");
        return found.path("value").get(0).asText();
    }

    private static String route(String id) {
        JsonNode found = ops.postJson("/observe/jolokia",
                "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,name=\\\"" + id + "\\\",*\"}");
        return found.path("value").get(0).asText();
    }

    private static String exec(String mbean, String operation) {
        return exec(mbean, operation, "[]");
    }

    private static String exec(String mbean, String operation, String arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + jsonEscape(mbean) + "\",\"operation\":\"" + operation
                + "\",\"arguments\":" + arguments + "}";
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (IOException reset) {
            return new byte[0];
        }
    }
}
