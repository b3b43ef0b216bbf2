package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Message;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.BusClient;
import io.interchange.support.Http;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.CallbackReceiver;
import io.interchange.webhook.WebhookDeliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Status callbacks to the platform a webhook order came from, signed like its deliveries, against
 * a real HTTP receiver that can be told to fail.
 */
class WebhookCallbacksIT {

    private static final int MAX_ATTEMPTS = 5;
    private static final String SHOP_SECRET = "shop-callback-secret-81d2";
    private static final String CRM_SECRET = "crm-callback-secret-4a9f";
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(7000);

    private static TestErp erp;
    private static CallbackReceiver receiver;
    private static RunningInterchange interchange;
    private static Http api;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        receiver = CallbackReceiver.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.webhook.shop.secret", SHOP_SECRET,
                "interchange.webhook.crm.secret", CRM_SECRET,
                "interchange.webhooks.shop.callback-url", receiver.url("/shop/order-status"),
                "interchange.webhooks.crm.callback-url", receiver.url("/crm/deal-status"),
                "interchange.processing.max-attempts", String.valueOf(MAX_ATTEMPTS)));
        api = interchange.http();
    }

    @AfterEach
    void healReceiver() {
        receiver.fail(503, 0);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        receiver.close();
        erp.close();
    }

    @Test
    void callbackIsRetriedWhileTheReceiverAnswers503AndThenDeliveredExactlyOnce() {
        receiver.fail(503, 3);
        long number = ORDER_NUMBERS.incrementAndGet();

        String documentId = Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText();
        String erpOrderNumber = awaitState(api, documentId, "accepted").path("erpOrderNumber").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> callsFor(number).stream().anyMatch(call -> call.answered() == 200));
        // and nothing more arrives once it was taken
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> callsFor(number).size() == 4);
        List<CallbackReceiver.Call> calls = callsFor(number);
        assertThat(calls).extracting(CallbackReceiver.Call::answered).containsExactly(503, 503, 503, 200);
        assertThat(calls).extracting(call -> call.header("Idempotency-Key")).containsOnly(calls.get(0).header("Idempotency-Key"));
        CallbackReceiver.Call delivered = calls.get(3);
        assertThat(delivered.header("X-Shopify-Hmac-Sha256"))
                .isEqualTo(WebhookDeliveries.shopify(SHOP_SECRET, delivered.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(delivered.header("X-Interchange-Event")).isEqualTo("interchange.order.accepted");
        JsonNode status = json(delivered);
        assertThat(status.path("status").asText()).isEqualTo("accepted");
        assertThat(status.path("erp_order_number").asText()).isEqualTo(erpOrderNumber);
        assertThat(status.path("interchange_document_id").asText()).isEqualTo(documentId);
        String metrics = api.get("/observe/metrics").body();
        assertThat(metrics).contains("interchange_webhook_callbacks_total{outcome=\"delivered\",source=\"shop\"}")
                .contains("interchange_webhook_callbacks_total{outcome=\"retried\",source=\"shop\"}");
    }

    @Test
    void orderTheErpRejectsIsReportedBackToTheCrmSignedGithubStyle() {
        byte[] deal = WebhookDeliveries.bytes(WebhookDeliveries.sample("crm-deal-closed-won.json"));

        HttpResponse<String> response = api.post("/webhooks/crm", "application/json", deal,
                Map.of("X-Hub-Signature-256", WebhookDeliveries.github(CRM_SECRET, deal)));
        awaitState(api, Http.json(response).path("documentId").asText(), "rejected");

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.callsTo("/crm/deal-status").isEmpty());
        CallbackReceiver.Call call = receiver.callsTo("/crm/deal-status").get(0);
        assertThat(call.header("X-Hub-Signature-256"))
                .isEqualTo(WebhookDeliveries.github(CRM_SECRET, call.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode status = json(call);
        assertThat(status.path("dealId").asText()).isEqualTo("D-20931");
        assertThat(status.path("erpStatus").asText()).isEqualTo("REFUSED");
        assertThat(status.path("erpMessage").asText()).contains("SUPPORT-1Y");
    }

    @Test
    void cancellationConfirmedByTheErpIsReportedToTheShop() {
        long number = ORDER_NUMBERS.incrementAndGet();
        awaitState(api, Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText(),
                "accepted");

        awaitState(api, Http.json(postShop("orders/cancelled", WebhookDeliveries.shopCancellation(number)))
                .path("documentId").asText(), "accepted");

        await().atMost(Duration.ofSeconds(30)).until(() -> callsFor(number).stream()
                .anyMatch(call -> json(call).path("status").asText().equals("cancelled")));
    }

    @Test
    void callbackThatNeverGetsThroughIsDeadLetteredWithTheReason() throws Exception {
        receiver.fail(500, 1000);
        long number = ORDER_NUMBERS.incrementAndGet();

        String documentId = Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText();
        awaitState(api, documentId, "accepted");

        await().atMost(Duration.ofSeconds(60)).until(() -> interchange.queue("callbacks.dlq").getMessageCount() > 0);
        assertThat(callsFor(number)).hasSize(MAX_ATTEMPTS).extracting(CallbackReceiver.Call::answered).containsOnly(500);
        try (BusClient bus = new BusClient(interchange.property("interchange.broker.embedded.acceptor"))) {
            Message dead = bus.receive("callbacks.dlq", documentId);
            assertThat(dead).as("event in callbacks.dlq").isNotNull();
            assertThat(dead.getStringProperty("interchangeError")).contains("CallbackFailedException").contains("500");
            assertThat(dead.getIntProperty("interchangeAttempts")).isEqualTo(MAX_ATTEMPTS);
            assertThat(dead.getStringProperty("interchangeOriginalQueue")).isEqualTo("callbacks.outbound");
            assertThat(dead.getStringProperty("interchangeFailedRoute")).isEqualTo("outbound-webhook-callbacks");
            assertThat(dead.getBody(String.class)).contains("interchange.order.accepted");
        }
        assertThat(api.get("/observe/metrics").body())
                .contains("interchange_webhook_callbacks_total{outcome=\"dead_lettered\",source=\"shop\"} 1.0");
    }

    private static List<CallbackReceiver.Call> callsFor(long orderNumber) {
        return receiver.callsTo("/shop/order-status").stream()
                .filter(call -> json(call).path("order_number").asText().equals(String.valueOf(orderNumber)))
                .toList();
    }

    private static HttpResponse<String> postShop(String topic, byte[] body) {
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", topic,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static JsonNode json(CallbackReceiver.Call call) {
        try {
            return io.interchange.model.CanonicalJson.mapper().readTree(call.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
