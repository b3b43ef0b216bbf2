package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.processing.OrderProgress;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RestOperations;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The order API as an internal client uses it, end to end through the bus to the ERP sandbox. */
class OrderApiTest {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of("interchange.http.max-body-bytes", "65536"));
        api = interchange.http();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void postedOrderIsAcceptedByTheErpWithAnOrderNumber() {
        HttpResponse<String> response = api.postJson("/api/v1/orders", Orders.json("webshop", "WS-1", "WIDGET-RED", "GADGET-BLUE"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode admission = Http.json(response);
        String documentId = admission.path("documentId").asText();
        assertThat(admission.path("correlationId").asText()).isNotBlank();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/orders/" + documentId);

        JsonNode tracked = awaitState(documentId, "accepted");
        assertThat(tracked.path("erpOrderNumber").asText()).startsWith("SO-");
        assertThat(tracked.path("businessKey").path("externalNumber").asText()).isEqualTo("WS-1");
        assertThat(tracked.path("history").findValuesAsText("state")).containsExactly("received", "submitted", "accepted");
        List<JsonNode> booked = erp.ordersFor("WS-1");
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).path("erpOrderNumber").asText()).isEqualTo(tracked.path("erpOrderNumber").asText());
        assertThat(booked.get(0).path("lines")).hasSize(2);
        assertThat(booked.get(0).path("idempotencyKey").asText()).isEqualTo("rest:webshop:WS-1");
    }

    @Test
    void repostingTheSameBusinessKeyReturnsTheOriginalDocumentAndEnqueuesNothing() {
        String order = Orders.json("webshop", "WS-2");
        String first = Http.json(api.postJson("/api/v1/orders", order)).path("documentId").asText();
        awaitState(first, "accepted");
        long enqueued = interchange.queue("orders.inbound").getMessagesAdded();

        HttpResponse<String> again = api.postJson("/api/v1/orders", order);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("documentId").asText()).isEqualTo(first);
        assertThat(Http.json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(interchange.queue("orders.inbound").getMessagesAdded()).isEqualTo(enqueued);
        assertThat(erp.ordersFor("WS-2")).hasSize(1);
    }

    @Test
    void twentyConcurrentPostsOfOneOrderMakeOneErpOrder() throws Exception {
        List<HttpResponse<String>> responses = api.postJsonConcurrently("/api/v1/orders", Orders.json("webshop", "WS-3"), 20);

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        List<String> documentIds = responses.stream().map(r -> Http.json(r).path("documentId").asText()).toList();
        assertThat(statuses).containsOnly(200, 202).containsOnlyOnce(202);
        assertThat(documentIds).containsOnly(documentIds.get(0));
        awaitState(documentIds.get(0), "accepted");
        assertThat(erp.ordersFor("WS-3")).hasSize(1);
    }

    @Test
    void callersCorrelationIdFollowsTheOrderToTheErp() {
        HttpResponse<String> response = api.post("/api/v1/orders", "application/json",
                Orders.json("webshop", "WS-4").getBytes(StandardCharsets.UTF_8), Map.of("X-Correlation-ID", "trace-ws-4"));

        String documentId = Http.json(response).path("documentId").asText();
        assertThat(Http.json(response).path("correlationId").asText()).isEqualTo("trace-ws-4");
        assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("trace-ws-4");
        awaitState(documentId, "accepted");
        assertThat(erp.requests().findParents("idempotencyKey").stream()
                .filter(r -> r.path("idempotencyKey").asText().equals("rest:webshop:WS-4"))
                .map(r -> r.path("correlationId").asText())).containsExactly("trace-ws-4");
    }

    @Test
    void malformedJsonIsRefusedWith400NamingWhereItBreaks() {
        HttpResponse<String> response = api.postJson("/api/v1/orders", "{\"source\": {\"partnerId\": \"webshop\",}");

        assertProblem(response, 400, "malformed-json");
        assertThat(Http.json(response).path("detail").asText()).contains("line 1, column");
    }

    @Test
    void schemaViolationsAreListedFieldByField() {
        ObjectNode order = Orders.order("webshop", "WS-5");
        ((ObjectNode) order.path("header")).put("currency", "dollars");
        ((ObjectNode) order.path("lines").get(0)).remove("sku");
        ((ObjectNode) order.path("lines").get(0)).put("quantity", 0);

        HttpResponse<String> response = api.postJson("/api/v1/orders", order.toString());

        assertProblem(response, 400, "schema-violation");
        JsonNode errors = Http.json(response).path("errors");
        assertThat(errors.findValuesAsText("pointer"))
                .contains("/header/currency", "/lines/0", "/lines/0/quantity");
        assertThat(errors.toString()).contains("sku");
        assertThat(interchange.queue("orders.inbound").getMessagesAdded())
                .as("nothing enqueued").isEqualTo(enqueuedSoFar());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefusedNamingThemAndNothingIsEnqueued() {
        long before = enqueuedSoFar();
        String order = Orders.json("webshop", "WS-STRICT");

        HttpResponse<String> duplicate = api.postJson("/api/v1/orders",
                order.replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"currency\":\"EUR\""));
        HttpResponse<String> garbage = api.postJson("/api/v1/orders", order + " trailing");
        HttpResponse<String> twoDocuments = api.postJson("/api/v1/orders", order + order);

        assertProblem(duplicate, 400, "duplicate-key");
        assertThat(Http.json(duplicate).path("errors").get(0).path("pointer").asText()).isEqualTo("/header/currency");
        assertThat(Http.json(duplicate).path("detail").asText()).contains("'currency'");
        assertProblem(garbage, 400, "trailing-content");
        assertProblem(twoDocuments, 400, "trailing-content");
        assertThat(enqueuedSoFar()).isEqualTo(before);
        assertThat(erp.ordersFor("WS-STRICT")).isEmpty();
    }

    @Test
    void hugeNumbersAreRefusedNamingTheFieldNeverBooked() {
        String order = Orders.json("webshop", "WS-HUGE");

        HttpResponse<String> quantity = api.postJson("/api/v1/orders", order.replace("\"quantity\":2", "\"quantity\":1e400"));
        HttpResponse<String> lineNumber = api.postJson("/api/v1/orders", order.replace("\"lineNumber\":1", "\"lineNumber\":1e400"));

        assertProblem(quantity, 400, "schema-violation");
        assertThat(Http.json(quantity).path("errors").findValuesAsText("pointer")).containsExactly("/lines/0/quantity");
        assertThat(Http.json(quantity).path("errors").get(0).path("message").asText()).contains("at most 1000000000", "1E+400");
        assertProblem(lineNumber, 400, "schema-violation");
        assertThat(Http.json(lineNumber).path("errors").findValuesAsText("pointer")).containsExactly("/lines/0/lineNumber");
        assertThat(erp.ordersFor("WS-HUGE")).isEmpty();
    }

    @Test
    void pricesAndQuantitiesArriveAtTheErpDigitForDigit() {
        ObjectNode order = Orders.order("webshop", "WS-EXACT", "WIDGET-RED", "GADGET-BLUE");
        ((ObjectNode) order.path("lines").get(0)).put("quantity", new BigDecimal("123456789.123456"))
                .put("unitPrice", new BigDecimal("19.99"));
        ((ObjectNode) order.path("lines").get(1)).put("quantity", new BigDecimal("0.3"))
                .put("unitPrice", new BigDecimal("12.10"));

        String documentId = Http.json(api.postJson("/api/v1/orders", order.toString())).path("documentId").asText();

        awaitState(documentId, "accepted");
        JsonNode lines = erp.ordersFor("WS-EXACT").get(0).path("lines");
        assertThat(lines.get(0).path("quantity").toString()).isEqualTo("123456789.123456");
        assertThat(lines.get(0).path("price").toString()).isEqualTo("19.99");
        assertThat(lines.get(1).path("quantity").toString()).isEqualTo("0.3");
        assertThat(lines.get(1).path("price").toString()).isEqualTo("12.10");
    }

    @Test
    void sameBusinessKeyWithOtherContentIs409NamingTheOriginalDocument() {
        String first = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "WS-409"))).path("documentId").asText();
        ObjectNode changed = Orders.order("webshop", "WS-409");
        ((ObjectNode) changed.path("header")).put("currency", "EUR");
        long before = enqueuedSoFar();

        HttpResponse<String> conflict = api.postJson("/api/v1/orders", changed.toString());
        HttpResponse<String> retry = api.post("/api/v1/orders", "application/json",
                Orders.json("webshop", "WS-409").getBytes(StandardCharsets.UTF_8), Map.of("X-Correlation-ID", "another-attempt"));

        assertProblem(conflict, 409, "business-key-conflict");
        assertThat(Http.json(conflict).path("documentId").asText()).isEqualTo(first);
        assertThat(Http.json(conflict).path("detail").asText()).contains("rest:webshop:WS-409", first);
        assertThat(retry.statusCode()).as("same content, other correlation id: a retry").isEqualTo(200);
        assertThat(Http.json(retry).path("documentId").asText()).isEqualTo(first);
        assertThat(enqueuedSoFar()).isEqualTo(before);
        awaitState(first, "accepted");
        assertThat(erp.ordersFor("WS-409")).singleElement()
                .satisfies(booked -> assertThat(booked.path("currency").asText()).isEqualTo("USD"));
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        byte[] huge = ("{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = api.post("/api/v1/orders", "application/json", huge, Map.of());

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void wrongContentTypeIsRefusedWith415() {
        HttpResponse<String> response = api.post("/api/v1/orders", "text/plain",
                Orders.json("webshop", "WS-6").getBytes(StandardCharsets.UTF_8), Map.of());

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(Http.json(response).path("detail").asText()).contains("text/plain");
    }

    @Test
    void refusedRequestsLeaveNoTraceOnTheBusOrInTheErp() {
        long before = enqueuedSoFar();
        api.postJson("/api/v1/orders", "not json");
        api.post("/api/v1/orders", "text/plain", Orders.json("webshop", "WS-7").getBytes(StandardCharsets.UTF_8), Map.of());
        api.postJson("/api/v1/orders", "{\"source\":{\"partnerId\":\"webshop\"}}");

        assertThat(enqueuedSoFar()).isEqualTo(before);
        assertThat(erp.ordersFor("WS-7")).isEmpty();
    }

    @Test
    void unknownDocumentIdIs404Problem() {
        assertProblem(api.get("/api/v1/orders/00000000-0000-0000-0000-000000000000"), 404, "unknown-document");
    }

    @Test
    void unknownPathIs404Problem() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void openApiDocumentDescribesTheOrderApi() {
        JsonNode openapi = Http.json(api.get("/api/openapi.json"));

        assertThat(openapi.path("openapi").asText()).startsWith("3.1");
        assertThat(openapi.path("paths").has("/api/v1/orders")).isTrue();
        assertThat(openapi.path("paths").has("/api/v1/orders/{documentId}")).isTrue();
        JsonNode schema = Http.json(api.get("/api/schemas/order.schema.json"));
        assertThat(schema.path("title").asText()).isEqualTo("Canonical Order");
        JsonNode lookup = openapi.path("paths").path("/api/v1/orders").path("get");
        assertThat(lookup.path("parameters").findValuesAsText("name")).contains("partnerId", "externalOrderNumber");
        JsonNode webhook = openapi.path("paths").path("/webhooks/{source}").path("post");
        assertThat(webhook.path("parameters").findValuesAsText("name"))
                .contains("source", "X-Shopify-Hmac-Sha256", "Stripe-Signature", "X-Hub-Signature-256");
        assertThat(iterable(webhook.path("responses").fieldNames()))
                .contains("200", "202", "401", "404", "413", "415", "422", "429", "503");
        assertThat(webhook.path("responses").path("503").path("headers").has("Retry-After")).isTrue();
        assertThat(webhook.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        JsonNode replay = openapi.path("paths").path("/admin/v1/dead-letters/{id}/replay").path("post");
        assertThat(replay.path("security").get(0).path("adminBasic").get(0).asText()).isEqualTo("ops");
        assertThat(openapi.path("components").path("securitySchemes").path("adminBasic").path("scheme").asText())
                .isEqualTo("basic");
    }

    /**
     * The contract test: every operation the route files declare (routes/intake and routes/ops) is in the
     * generated document with every response it promises, errors as problem+json, admin operations
     * behind Basic auth with their role; and no route takes HTTP outside the REST DSL.
     */
    @Test
    void everyOperationOfTheRouteFilesIsInTheOpenApiDocumentWithItsResponses() {
        JsonNode paths = Http.json(api.get("/api/openapi.json")).path("paths");
        RestOperations.Declared declared = RestOperations.in(Path.of("routes/intake"), Path.of("routes/ops"));

        assertThat(declared.platformHttpRoutes()).as("routes taking HTTP outside the REST DSL").isEmpty();
        assertThat(declared.operations()).extracting(operation -> operation.method() + " " + operation.path())
                .as("the route files were read")
                .contains("post /api/v1/orders", "get /api/v1/orders", "get /api/v1/orders/{documentId}",
                        "get /api/schemas/{name}", "post /webhooks/{source}", "get /admin/v1/dead-letters",
                        "post /admin/v1/dead-letters/{id}/replay", "post /admin/v1/intakes/{id}/suspend",
                        "get /admin/v1/audit", "post /admin/v1/reload/check")
                .doesNotHaveDuplicates();
        assertThat(declared.operations()).allSatisfy(operation -> {
            String name = operation.method().toUpperCase() + " " + operation.path() + " (" + operation.file() + ")";
            JsonNode described = paths.path(operation.path()).path(operation.method());
            assertThat(described.isObject()).as("%s in the OpenAPI document", name).isTrue();
            assertThat(declared.directRoutes()).as("%s calls a route of the files", name).contains(operation.to());
            assertThat(operation.responseCodes()).as("%s promises a success and an error", name)
                    .anyMatch(code -> code.startsWith("2")).anyMatch(code -> code.startsWith("4") || code.startsWith("5"));
            for (String code : operation.responseCodes()) {
                JsonNode response = described.path("responses").path(code);
                assertThat(response.isObject()).as("%s answers %s", name, code).isTrue();
                if (!code.startsWith("2")) {
                    assertThat(response.path("content").has("application/problem+json"))
                            .as("%s %s is problem+json", name, code).isTrue();
                }
            }
            if (operation.path().startsWith("/admin/")) {
                assertThat(operation.role()).as("%s names its role", name).isIn("viewer", "ops");
                assertThat(described.path("security").get(0).path("adminBasic").get(0).asText())
                        .as("%s needs role %s", name, operation.role()).isEqualTo(operation.role());
                assertThat(operation.responseCodes()).as("%s refuses strangers", name).contains("401", "403");
            }
        });
    }

    @Test
    void openApiDocumentIsValidOpenApi3() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(api.get("/api/openapi.json").body());

        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Interchange API");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/orders", "/admin/v1/intakes/{id}/resume");
        assertThat(parsed.getOpenAPI().getServers()).extracting(server -> server.getUrl())
                .as("relative to where the document was fetched, not the bind address").containsExactly("");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    @Test
    void metricsCountDocumentsByChannelPartnerAndOutcome() {
        String documentId = Http.json(api.postJson("/api/v1/orders", Orders.json("metrics-shop", "M-1"))).path("documentId").asText();
        awaitState(documentId, "accepted");

        // the state is committed just before the metrics are recorded: wait for them, not for a moment
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = api.get("/observe/metrics").body();
            assertThat(metrics).contains("interchange_documents_total{channel=\"rest\",outcome=\"accepted\",partner=\"metrics-shop\"} 1.0");
            assertThat(metrics).contains("interchange_documents_total{channel=\"rest\",outcome=\"received\",partner=\"metrics-shop\"} 1.0");
            assertThat(metrics).contains("interchange_erp_answer_seconds_bucket{channel=\"rest\",outcome=\"accepted\"");
        });
    }

    @Test
    void healthShowsBrokerDatabaseAndErpBreaker() {
        HttpResponse<String> ready = api.get("/observe/health/ready");
        HttpResponse<String> live = api.get("/observe/health/live");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(live.statusCode()).isEqualTo(200);
        JsonNode checks = Http.json(api.get("/observe/health?data=true")).path("checks");
        assertThat(checks.findValuesAsText("name")).contains("broker", "database", "erp-breaker");
        assertThat(checks.toString()).contains("\"state\":\"CLOSED\"");
    }

    @Test
    void logLinesAboutADocumentCarryItsDocumentAndCorrelationIds() {
        Logger progress = (Logger) LoggerFactory.getLogger(OrderProgress.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        progress.addAppender(lines);
        try {
            String documentId = Http.json(api.post("/api/v1/orders", "application/json",
                    Orders.json("webshop", "L-1").getBytes(StandardCharsets.UTF_8), Map.of("X-Correlation-ID", "trace-l-1")))
                    .path("documentId").asText();
            awaitState(documentId, "accepted");

            assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains("rest:webshop:L-1"))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                            .containsEntry("documentId", documentId)
                            .containsEntry("correlationId", "trace-l-1"));
        } finally {
            progress.detachAppender(lines);
        }
    }

    @Test
    void camelRoutesAndTheBrokerAreManagedOverJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

        assertThat(jmx.queryNames(new ObjectName("org.apache.camel:context=interchange,type=routes,*"), null))
                .extracting(name -> name.getKeyProperty("name"))
                .contains("\"process-orders\"", "\"intake-rest-orders\"");
        assertThat(jmx.queryNames(new ObjectName("org.apache.activemq.artemis:*,subcomponent=queues,queue=\"orders.inbound\""), null))
                .isNotEmpty();
    }

    private static long enqueuedSoFar() {
        return interchange.queue("orders.inbound").getMessagesAdded();
    }

    static JsonNode awaitState(String documentId, String state) {
        return awaitState(api, documentId, state);
    }

    static JsonNode awaitState(Http api, String documentId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = api.get("/api/v1/orders/" + documentId);
            last[0] = response.statusCode() == 200 ? Http.json(response) : null;
            return last[0] != null && state.equals(last[0].path("state").asText());
        });
        return last[0];
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).endsWith("/problems/" + slug);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
