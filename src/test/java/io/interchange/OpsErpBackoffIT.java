package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While the ERP is away its consumers (orders and cancellations) wait instead of burning attempts,
 * and they come back by themselves.
 */
class OpsErpBackoffIT {

    private static final String SHOP_SECRET = "backoff-shop-secret-3e91";

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient viewer;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.erp.breaker.minimum-calls", "2",
                "interchange.erp.breaker.window-size", "4",
                // long enough for the test to look and heal before the first half-open trial on a loaded machine
                "interchange.erp.breaker.open-seconds", "8",
                "interchange.erp.breaker.half-open-calls", "1",
                "interchange.processing.max-attempts", "3",
                "interchange.processing.redelivery-delay-ms", "100",
                "interchange.processing.redelivery-max-delay-ms", "200",
                "interchange.admin.users", "vera:viewer",
                "interchange.admin.user.vera.password", "vera-secret",
                "interchange.webhook.shop.secret", SHOP_SECRET));
        api = interchange.http();
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void openBreakerPausesTheConsumerIntakeKeepsQueueingAndEverythingFlowsOnceTheErpIsBack() {
        erp.fail(503, -1);
        String first = post("BO-1");

        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("OPEN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker().path("heldExchanges").asInt() == 1);
        assertThat(breaker().path("consumerPaused").asBoolean()).isTrue();
        String second = post("BO-2");
        String third = post("BO-3");

        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(30))
                .until(() -> erp.answersFor("rest:backoff-shop:BO-2").isEmpty() && erp.answersFor("rest:backoff-shop:BO-3").isEmpty());
        JsonNode waiting = breaker();
        assertThat(waiting.path("queueDepth").asLong()).as("BO-1 to BO-3 are still on the bus").isEqualTo(3);
        assertThat(waiting.path("heldExchanges").asInt()).as("each free consumer holds one, none spends an attempt").isEqualTo(3);
        String health = api.get("/observe/health?data=true").body();
        assertThat(health).contains("erp-consumer").contains("\"consumerPaused\":\"true\"").contains("\"state\":\"OPEN\"");
        assertThat(api.get("/observe/metrics").body()).contains("interchange_erp_consumer_paused 1.0")
                .contains("interchange_queue_messages{queue=\"orders.inbound\"}");
        assertThat(api.postJson("/api/v1/orders", Orders.json("backoff-shop", "BO-4")).statusCode())
                .as("intake keeps accepting").isEqualTo(202);

        erp.heal();

        for (String documentId : new String[] {first, second, third}) {
            awaitState(api, documentId, "accepted");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("CLOSED"));
        assertThat(erp.answersFor("rest:backoff-shop:BO-1")).as("two failures opened the breaker, then one trial")
                .containsExactly(503, 503, 201);
        assertThat(erp.answersFor("rest:backoff-shop:BO-2")).containsExactly(201);
        assertThat(erp.answersFor("rest:backoff-shop:BO-3")).containsExactly(201);
        assertThat(interchange.queue("orders.dlq").getMessagesAdded()).isZero();
        assertThat(api.get("/observe/metrics").body()).contains("interchange_erp_consumer_paused 0.0");
    }

    @Test
    void whileTheErpStaysDownOnlyTheBreakersTrialCallsSpendAttempts() {
        erp.fail(503, -1);
        List<String> documentIds = List.of(post("BT-1"), post("BT-2"), post("BT-3"), post("BT-4"));
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("OPEN"));
        Instant opened = Instant.parse(breaker().path("since").asText());
        int callsWhenOpened = erpCalls();

        // two half-open periods, each with its one trial call, both failing
        await().atMost(Duration.ofSeconds(60)).until(() -> erpCalls() >= callsWhenOpened + 2
                && breaker().path("state").asText().equals("OPEN"));

        for (String documentId : documentIds) {
            JsonNode history = Http.json(api.get("/api/v1/orders/" + documentId)).path("history");
            for (JsonNode step : history) {
                if (Instant.parse(step.path("at").asText()).isAfter(opened.plusSeconds(1))) {
                    assertThat(step.path("detail").asText()).as("no attempt is spent on a call the breaker refuses")
                            .doesNotContain("CallNotPermitted");
                }
            }
        }
        erp.heal();
        documentIds.forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() ->
                List.of("accepted", "dead-lettered").contains(Http.json(api.get("/api/v1/orders/" + id)).path("state").asText())));
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("CLOSED"));
    }

    @Test
    void cancellationWaitsOnTheOpenBreakerInsteadOfBeingDeadLetteredAndGoesThroughOnceTheErpIsBack() {
        long number = 880_001;
        awaitState(api, Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText(),
                "accepted");
        erp.fail(503, -1);
        post("BC-1");
        post("BC-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("OPEN"));

        HttpResponse<String> cancelled = postShop("orders/cancelled", WebhookDeliveries.shopCancellation(number));

        assertThat(cancelled.statusCode()).isEqualTo(202);
        String cancellation = Http.json(cancelled).path("documentId").asText();
        String key = "webhook:shop:" + number + "/cancellation";
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker().path("heldExchanges").asInt() == 3);
        await().during(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(30)).until(() -> erp.answersFor(key).isEmpty());
        assertThat(Http.json(api.get("/api/v1/orders/" + cancellation)).path("state").asText())
                .as("held before the ERP call: no attempt spent").isEqualTo("received");
        assertThat(interchange.queue("cancellations.inbound").getMessageCount()).isEqualTo(1);

        erp.heal();

        awaitState(api, cancellation, "accepted");
        assertThat(erp.answersFor(key)).last().isEqualTo(200);
        assertThat(erp.ordersFor(String.valueOf(number)).get(0).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(interchange.queue("cancellations.dlq").getMessagesAdded()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker().path("state").asText().equals("CLOSED"));
    }

    private static HttpResponse<String> postShop(String topic, byte[] body) {
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", topic,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static int erpCalls() {
        int calls = 0;
        for (String key : new String[] {"BT-1", "BT-2", "BT-3", "BT-4"}) {
            calls += erp.answersFor("rest:backoff-shop:" + key).size();
        }
        return calls;
    }

    private static JsonNode breaker() {
        return viewer.getJson("/admin/v1/erp-breaker");
    }

    private static String post(String externalNumber) {
        return Http.json(api.postJson("/api/v1/orders", Orders.json("backoff-shop", externalNumber))).path("documentId").asText();
    }
}
