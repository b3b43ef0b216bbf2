package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.ops.reload.RouteReloader;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RouteFiles;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Ops edit routes and mappings on a running Interchange: bad edits are refused, good ones go live. */
class ReloadOfRoutesAndMappingsIT {

    private static final String ERP_ROUTE = "routes/outbound/erp-calls.camel.yaml";
    private static final String PROCESSING_ROUTE = "routes/processing/process-orders.camel.yaml";
    private static final String ERP_MAPPING = "mappings/erp/sales-order.jslt";
    private static final String ORDER_SCHEMA = "mappings/canonical/order.schema.json";

    private static TestErp erp;
    private static RouteFiles files;
    private static RunningInterchange interchange;
    private static AdminClient ops;
    private static ListAppender<ILoggingEvent> log;
    private static Map<String, String> originals;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        files = RouteFiles.copyOfRepository();
        originals = Map.of(ERP_ROUTE, files.read(ERP_ROUTE), PROCESSING_ROUTE, files.read(PROCESSING_ROUTE),
                ERP_MAPPING, files.read(ERP_MAPPING), ORDER_SCHEMA, files.read(ORDER_SCHEMA));
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.routes.dir", files.routes().toString(),
                "interchange.mappings.dir", files.mappings().toString(),
                "interchange.reload.enabled", "true",
                "interchange.reload.poll-ms", "200",
                "interchange.admin.users", "olga:ops",
                "interchange.admin.user.olga.password", "olga-secret"));
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(RouteReloader.class)).addAppender(log);
        await().atMost(Duration.ofSeconds(60)).until(() -> !ops.getJson("/admin/v1/reload").path("lastCheck").isNull());
    }

    @AfterEach
    void restoreFiles() {
        originals.forEach(files::write);
        files.delete("routes/ops/ping.camel.yaml");
        files.delete("mappings/erp/sales-order-v2.jslt");
        await().atMost(Duration.ofSeconds(60)).until(() -> ops.getJson("/admin/v1/reload").path("refused").isEmpty());
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(RouteReloader.class)).detachAppender(log);
        interchange.close();
        erp.close();
    }

    @Test
    void yamlSyntaxErrorIsRefusedWithItsLineAndTheRunningRouteKeepsProcessingOrders() {
        files.replace(ERP_ROUTE, "        - setHeader:\n            name: Idempotency-Key",
                "        - setHeader:\n          name: Idempotency-Key\n            simple: [unclosed");

        JsonNode refusal = awaitRefusal(ERP_ROUTE);

        assertThat(refusal.path("line").asInt()).isBetween(50, 60);
        assertThat(refusal.path("reason").asText()).startsWith("YAML: ");
        assertThat(refusal.path("checksum").asText()).hasSize(64);
        assertThat(orderIsAccepted("RL-1")).as("the running route still takes orders to the ERP").isTrue();
        JsonNode health = Http.json(interchange.http().get("/observe/health?data=true")).path("checks").findParents("name")
                .stream().filter(check -> check.path("name").asText().equals("route-reload")).findFirst().orElseThrow();
        assertThat(health.path("status").asText()).as("the running version serves: still ready").isEqualTo("UP");
        assertThat(health.path("data").path("refused." + ERP_ROUTE).asText()).startsWith("line " + refusal.path("line").asInt());
        assertThat(log.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("Refused change to " + ERP_ROUTE + ":" + refusal.path("line").asInt()));
        assertThat(changes(ERP_ROUTE)).first().satisfies(change -> {
            assertThat(change.path("outcome").asText()).isEqualTo("refused");
            assertThat(change.path("checksum").asText()).isEqualTo(refusal.path("checksum").asText());
        });
    }

    @Test
    void unknownEndpointIsRefusedNamingItsLineAndTheRunningRouteKeepsProcessingOrders() {
        files.replace(PROCESSING_ROUTE, "uri: direct:outbound-erp-orders", "uri: nosuchcomponent:outbound-erp-orders");

        JsonNode refusal = awaitRefusal(PROCESSING_ROUTE);

        assertThat(refusal.path("reason").asText()).contains("nosuchcomponent");
        assertThat(files.read(PROCESSING_ROUTE).lines().toList().get(refusal.path("line").asInt() - 1))
                .contains("nosuchcomponent:outbound-erp-orders");
        assertThat(orderIsAccepted("RL-2")).isTrue();
    }

    @Test
    void unknownBeanIsRefusedAndTheRunningRouteKeepsProcessingOrders() {
        files.replace(ERP_ROUTE, "ref: erpAnswer", "ref: erpAnswerThatDoesNotExist");

        JsonNode refusal = awaitRefusal(ERP_ROUTE);

        assertThat(refusal.path("reason").asText()).contains("erpAnswerThatDoesNotExist");
        assertThat(orderIsAccepted("RL-3")).isTrue();
    }

    @Test
    void validEditsOfRoutesAndMappingsGoLiveAndEachAppliedChangeIsRecorded() {
        files.write("routes/ops/ping.camel.yaml", """
                - rest:
                    path: /api/v1/ping
                    get:
                      - routeId: rest-ops-ping
                        responseMessage:
                          - code: "200"
                            message: pong
                        to: direct:ops-ping
                - route:
                    id: ops-ping
                    from:
                      uri: direct:ops-ping
                      steps:
                        - setBody:
                            constant: pong
                """);
        await().atMost(Duration.ofSeconds(60)).until(() -> interchange.http().get("/api/v1/ping").statusCode() == 200);
        assertThat(interchange.http().get("/api/v1/ping").body()).isEqualTo("pong");
        assertThat(Http.json(interchange.http().get("/api/openapi.json")).path("paths").has("/api/v1/ping"))
                .as("a new operation is in the OpenAPI document at once").isTrue();

        files.write("mappings/erp/sales-order-v2.jslt", originals.get(ERP_MAPPING)
                .replace("\"customerReference\": .header.externalOrderNumber", "\"customerReference\": \"V2-\" + .header.externalOrderNumber"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !changes("mappings/erp/sales-order-v2.jslt").isEmpty());
        files.replace(ERP_ROUTE, "/erp/sales-order.jslt", "/erp/sales-order-v2.jslt");
        await().atMost(Duration.ofSeconds(60)).until(() -> !changes(ERP_ROUTE).isEmpty()
                && changes(ERP_ROUTE).get(0).path("outcome").asText().equals("applied"));

        String documentId = post("RL-4");
        awaitState(interchange.http(), documentId, "accepted");
        assertThat(erp.ordersFor("V2-RL-4")).as("the new mapping is used").hasSize(1);

        JsonNode applied = changes(ERP_ROUTE).get(0);
        assertThat(applied.path("routes").asText()).as("the ERP calls' routes").contains("outbound-erp-orders");
        assertThat(applied.path("checksum").asText()).hasSize(64);
        assertThat(applied.path("at").asText()).isNotBlank();

        files.delete("routes/ops/ping.camel.yaml");
        await().atMost(Duration.ofSeconds(60)).until(() -> interchange.http().get("/api/v1/ping").statusCode() == 404);
        assertThat(Http.json(interchange.http().get("/api/openapi.json")).path("paths").has("/api/v1/ping"))
                .as("a removed operation leaves the OpenAPI document").isFalse();
    }

    @Test
    void anOrderInFlightWhileItsRouteIsSwappedFinishesWithoutASecondAttempt() {
        erp.slowDown(1_500);
        String documentId = post("RL-8");
        awaitState(interchange.http(), documentId, "submitted");

        files.replace(PROCESSING_ROUTE, "# Orders on the bus -> ERP.", "# Orders on the bus -> ERP (edited while busy).");
        await().atMost(Duration.ofSeconds(60)).until(() -> !changes(PROCESSING_ROUTE).isEmpty()
                && changes(PROCESSING_ROUTE).get(0).path("outcome").asText().equals("applied"));

        JsonNode tracked = awaitState(interchange.http(), documentId, "accepted");
        erp.heal();
        assertThat(tracked.path("attempts").asInt()).isEqualTo(1);
        assertThat(erp.answersFor("rest:reload-shop:RL-8")).containsExactly(201);
        assertThat(orderIsAccepted("RL-9")).as("the swapped route takes the next order").isTrue();
    }

    @Test
    void brokenMappingIsRefusedAndTheCompiledOneKeepsServing() {
        files.replace(ERP_MAPPING, "\"currency\": .header.currency,", "\"currency\": .header.currency +,");

        JsonNode refusal = awaitRefusal(ERP_MAPPING);

        assertThat(refusal.path("line").asInt()).isEqualTo(lineOf(files.read(ERP_MAPPING), "\"currency\""));
        assertThat(orderIsAccepted("RL-5")).isTrue();
    }

    @Test
    void editedMappingGoesLiveWithoutTouchingTheRoute() {
        files.replace(ERP_MAPPING, "\"customerReference\": .header.externalOrderNumber",
                "\"customerReference\": \"M2-\" + .header.externalOrderNumber");
        await().atMost(Duration.ofSeconds(60)).until(() -> !changes(ERP_MAPPING).isEmpty()
                && changes(ERP_MAPPING).get(0).path("outcome").asText().equals("applied"));

        awaitState(interchange.http(), post("RL-6"), "accepted");

        assertThat(erp.ordersFor("M2-RL-6")).hasSize(1);
    }

    @Test
    void invalidSchemaIsRefusedAndTheRunningSchemaKeepsValidatingOrders() {
        files.replace(ORDER_SCHEMA, "\"type\": \"object\"", "\"type\": 42");

        JsonNode refusal = awaitRefusal(ORDER_SCHEMA);

        assertThat(refusal.path("reason").asText()).contains("not a valid JSON Schema");
        assertThat(orderIsAccepted("RL-7")).as("valid orders still pass the schema that runs").isTrue();
        assertThat(interchange.http().postJson("/api/v1/orders", "{\"source\":{\"partnerId\":\"reload-shop\"}}").statusCode())
                .as("and invalid ones are still refused").isEqualTo(400);
    }

    private static boolean orderIsAccepted(String externalNumber) {
        awaitState(interchange.http(), post(externalNumber), "accepted");
        return erp.ordersFor(externalNumber).size() == 1;
    }

    private static String post(String externalNumber) {
        return Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("reload-shop", externalNumber)))
                .path("documentId").asText();
    }

    private static JsonNode awaitRefusal(String file) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode refusal : ops.getJson("/admin/v1/reload").path("refused")) {
                if (refusal.path("file").asText().equals(file)) {
                    found[0] = refusal;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<JsonNode> changes(String file) {
        return ops.getJson("/admin/v1/reload?limit=200").path("changes").findParents("file").stream()
                .filter(change -> change.path("file").asText().equals(file)).toList();
    }

    private static int lineOf(String text, String token) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(token)) {
                return i + 1;
            }
        }
        return -1;
    }
}
