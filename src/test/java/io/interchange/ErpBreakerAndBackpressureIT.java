package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Message;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.interchange.support.AdminClient;
import io.interchange.support.BusClient;
import io.interchange.support.EdiSamples;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the intakes and the ERP delivery do under pressure: orders that always fail get out to the
 * dead-letter queue while their failures keep the breaker cycling, a call the breaker refuses costs
 * no attempt, and a bus deeper than processing can work off holds every intake back until it is not.
 */
class ErpBreakerAndBackpressureIT {

    private static final String SHOP_SECRET = "pressure-shop-secret-51c2";
    private static final Pattern ATTEMPTS = Pattern.compile("dead-lettered after (\\d+) attempts");
    private static final int MAX_DEPTH = 30;

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient ops;
    private static int sftpPort;
    private static final AtomicInteger breakerOpenings = new AtomicInteger();

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        sftpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(PartnerRegistryFile.create().dropBoxProperties(sftpPort));
        properties.putAll(Map.of(
                "interchange.erp.breaker.minimum-calls", "2",
                "interchange.erp.breaker.window-size", "4",
                "interchange.erp.breaker.open-seconds", "1",
                "interchange.erp.breaker.half-open-calls", "1",
                // the maximum age, not the attempts, must be what ends the poison orders here
                "interchange.processing.max-attempts", "1000",
                "interchange.processing.max-age", "PT15S",
                "interchange.processing.redelivery-delay-ms", "200",
                "interchange.processing.redelivery-max-delay-ms", "1000"));
        properties.putAll(Map.of(
                "interchange.backpressure.max-depth", String.valueOf(MAX_DEPTH),
                "interchange.backpressure.resume-depth", "10",
                "interchange.backpressure.check-ms", "100",
                "interchange.backpressure.retry-after-seconds", "3",
                "interchange.rest.suspended-retry-after-seconds", "42",
                "interchange.admin.users", "olga:ops",
                "interchange.admin.user.olga.password", "olga-secret",
                "interchange.webhook.shop.secret", SHOP_SECRET));
        interchange = RunningInterchange.start(erp, properties);
        api = interchange.http();
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        interchange.bean("erpCircuitBreaker", CircuitBreaker.class).getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                breakerOpenings.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-acme") != null);
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
    void poisonOrdersReachTheDeadLetterQueueByTheirMaximumAgeWhileTheBreakerCyclesAndGoodOrdersAreBooked() throws Exception {
        erp.failAlwaysFor("POISON", 503);
        long deadLettersBefore = interchange.queue("orders.dlq").getMessagesAdded();
        int openingsBefore = breakerOpenings.get();
        List<String> poison = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            poison.add(post("POISON-" + i));
            good.add(post("GOOD-" + i));
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> poison.stream().allMatch(id -> state(id).equals("dead-lettered")));
        good.forEach(id -> awaitState(api, id, "accepted"));

        assertThat(breakerOpenings.get() - openingsBefore).as("the poison orders kept opening the breaker").isGreaterThan(1);
        try (BusClient bus = new BusClient(interchange.property("interchange.broker.embedded.acceptor"))) {
            for (int i = 0; i < poison.size(); i++) {
                String key = "rest:pressure-shop:POISON-" + (i + 1);
                JsonNode tracked = Http.json(api.get("/api/v1/orders/" + poison.get(i)));
                Matcher attempts = ATTEMPTS.matcher(tracked.path("reason").asText());
                assertThat(attempts.find()).as(tracked.path("reason").asText()).isTrue();
                assertThat(Integer.parseInt(attempts.group(1)))
                        .as("every attempt counted is a call the ERP received; calls the breaker refused count none")
                        .isEqualTo(erp.answersFor(key).size());
                Message dead = bus.receive("orders.dlq", poison.get(i));
                assertThat(dead).isNotNull();
                assertThat(dead.getStringProperty("interchangeError")).contains("maximum age").contains("PT15S").contains("503");
                assertThat(dead.getIntProperty("interchangeAttempts")).isEqualTo(Integer.parseInt(attempts.group(1)));
                assertThat(dead.propertyExists("interchangeAttemptsMade")).as("a replay starts afresh").isFalse();
            }
        }
        for (int i = 0; i < good.size(); i++) {
            assertThat(erp.answersFor("rest:pressure-shop:GOOD-" + (i + 1))).containsExactly(201);
        }
        assertThat(interchange.queue("orders.dlq").getMessagesAdded() - deadLettersBefore).isEqualTo(poison.size());
    }

    @Test
    void ordersSentDuringAnOutageAreBookedOnceTheErpHealsWithoutSpendingAttemptsOnTheOpenBreaker() {
        long deadLettersBefore = interchange.queue("orders.dlq").getMessagesAdded();
        erp.fail(503, -1);
        List<String> keys = new ArrayList<>(List.of("OUT-1", "OUT-2"));
        List<String> ids = new ArrayList<>(List.of(post("OUT-1"), post("OUT-2")));
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("OPEN"));
        for (int i = 3; i <= 8; i++) {
            keys.add("OUT-" + i);
            ids.add(post("OUT-" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> breaker().path("heldExchanges").asInt() > 0);

        erp.heal();

        for (int i = 0; i < ids.size(); i++) {
            JsonNode tracked = awaitState(api, ids.get(i), "accepted");
            List<Integer> answers = erp.answersFor("rest:pressure-shop:" + keys.get(i));
            assertThat(answers).last().isEqualTo(201);
            assertThat(tracked.path("attempts").asInt()).as("attempts of " + keys.get(i) + " = calls the ERP received")
                    .isEqualTo(answers.size());
        }
        assertThat(interchange.queue("orders.dlq").getMessagesAdded()).isEqualTo(deadLettersBefore);
    }

    @Test
    void aDeepBusHoldsEveryIntakeBackWith503AndRetryAfterAndTheyResumeByThemselvesOnceItDrains() throws Exception {
        interchange.context().getRouteController().stopRoute("process-orders");
        List<String> accepted = new ArrayList<>();
        HttpResponse<String> refused;
        try {
            HttpResponse<String> answer = api.postJson("/api/v1/orders", Orders.json("pressure-shop", "BP-0"));
            for (int i = 1; answer.statusCode() == 202 && i <= 3 * MAX_DEPTH; i++) {
                accepted.add(Http.json(answer).path("documentId").asText());
                answer = api.postJson("/api/v1/orders", Orders.json("pressure-shop", "BP-" + i));
            }
            refused = answer;

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(accepted.size()).isGreaterThanOrEqualTo(MAX_DEPTH);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(Http.json(refused).path("type").asText()).endsWith("/intake-overloaded");
            HttpResponse<String> webhook = postShop(WebhookDeliveries.shopOrder(770_001));
            assertThat(webhook.statusCode()).isEqualTo(503);
            assertThat(webhook.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(Http.json(webhook).path("type").asText()).endsWith("/intake-overloaded");
            String metrics = api.get("/observe/metrics").body();
            assertThat(metrics).contains("interchange_intake_held_back 1.0")
                    .contains("interchange_queue_messages{queue=\"events.outbound\"}")
                    .contains("interchange_queue_messages{queue=\"cancellations.inbound\"}");

            try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
                acme.put("inbound/held-back.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 7701, "HB"));
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> acme.list("inbound").contains("held-back.edi"));
            }
        } finally {
            interchange.context().getRouteController().startRoute("process-orders");
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.postJson("/api/v1/orders", Orders.json("pressure-shop", "BP-after")).statusCode() == 202);
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !acme.list("inbound").contains("held-back.edi"));
        }
        assertThat(postShop(WebhookDeliveries.shopOrder(770_002)).statusCode()).isEqualTo(202);
        accepted.forEach(id -> awaitState(api, id, "accepted"));
        assertThat(api.get("/observe/metrics").body()).contains("interchange_intake_held_back 0.0");
    }

    @Test
    void aSuspendedRestIntakeAnswersProblemJsonWithRetryAfter() {
        ops.postJson("/admin/v1/intakes/rest/suspend", "{\"reason\":\"maintenance\"}");
        HttpResponse<String> refused;
        try {
            refused = api.postJson("/api/v1/orders", Orders.json("pressure-shop", "SUS-1"));
        } finally {
            ops.postJson("/admin/v1/intakes/rest/resume", "");
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("42");
        JsonNode problem = Http.json(refused);
        assertThat(problem.path("type").asText()).endsWith("/intake-suspended");
        assertThat(problem.path("detail").asText()).contains("'rest'");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/orders");
        assertThat(api.postJson("/api/v1/orders", Orders.json("pressure-shop", "SUS-1")).statusCode()).isEqualTo(202);
    }

    private static HttpResponse<String> postShop(byte[] body) {
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static JsonNode breaker() {
        return ops.getJson("/admin/v1/erp-breaker");
    }

    private static String state(String documentId) {
        return Http.json(api.get("/api/v1/orders/" + documentId)).path("state").asText();
    }

    private static String post(String externalNumber) {
        return Http.json(api.postJson("/api/v1/orders", Orders.json("pressure-shop", externalNumber))).path("documentId").asText();
    }
}
