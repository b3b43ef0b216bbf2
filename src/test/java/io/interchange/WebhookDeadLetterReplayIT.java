package io.interchange;

import static io.interchange.OrderApiIT.assertProblem;
import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.RouteFiles;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.CallbackReceiver;
import io.interchange.webhook.WebhookDeliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dead letters of the webhook channel (unmappable deliveries, cancellations the ERP never took,
 * callbacks that never got through) are found, looked at and replayed through the admin API like
 * the order dead letters, and each replay has its effect once.
 */
class WebhookDeadLetterReplayIT {

    private static final String SHOP_SECRET = "dlq-shop-secret-7a20";
    private static final String SHOP_MAPPING = "mappings/webhooks/shop/orders-create.jslt";
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(60_000);

    private static RouteFiles files;
    private static TestErp erp;
    private static CallbackReceiver receiver;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient ops;
    private static AdminClient viewer;
    private static String originalMapping;

    @BeforeAll
    static void start() {
        files = RouteFiles.copyOfRepository();
        originalMapping = files.read(SHOP_MAPPING);
        erp = TestErp.start();
        receiver = CallbackReceiver.start();
        interchange = RunningInterchange.start(erp, Map.ofEntries(
                Map.entry("interchange.routes.dir", files.routes().toString()),
                Map.entry("interchange.mappings.dir", files.mappings().toString()),
                Map.entry("interchange.reload.enabled", "true"),
                Map.entry("interchange.reload.poll-ms", "200"),
                Map.entry("interchange.webhook.shop.secret", SHOP_SECRET),
                Map.entry("interchange.webhooks.shop.callback-url", receiver.url("/shop/order-status")),
                Map.entry("interchange.processing.max-attempts", "2"),
                Map.entry("interchange.processing.redelivery-delay-ms", "100"),
                // the breaker stays closed: these scenarios are about attempts running out
                Map.entry("interchange.erp.breaker.minimum-calls", "1000"),
                Map.entry("interchange.admin.users", "olga:ops,vera:viewer"),
                Map.entry("interchange.admin.user.olga.password", "olga-secret"),
                Map.entry("interchange.admin.user.vera.password", "vera-secret")));
        api = interchange.http();
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ops.getJson("/admin/v1/reload").path("lastCheck").isNull());
    }

    @AfterEach
    void heal() {
        erp.heal();
        receiver.fail(503, 0);
        files.write(SHOP_MAPPING, originalMapping);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        receiver.close();
        erp.close();
    }

    @Test
    void unmappableDeliveryIsListedWithItsReasonAndOnceTheMappingIsFixedItsReplayBooksTheOrderOnce() {
        long number = ORDER_NUMBERS.incrementAndGet();
        // the shop started to send the currency only as presentment_currency
        ObjectNode order = (ObjectNode) json(WebhookDeliveries.shopOrder(number));
        order.remove("currency");
        order.put("presentment_currency", "USD");
        byte[] body = WebhookDeliveries.bytes(order);

        HttpResponse<String> refused = postShop("orders/create", body);

        assertProblem(refused, 422, "unmappable-payload");
        assertThat(Http.json(refused).path("detail").asText()).contains("currency");
        JsonNode listed = viewer.getJson("/admin/v1/dead-letters?queue=webhooks.dlq&partner=shop&channel=webhook");
        assertThat(listed.path("matched").asInt()).isEqualTo(1);
        JsonNode letter = listed.path("deadLetters").get(0);
        assertThat(letter.path("reason").asText()).contains("currency");
        assertThat(letter.path("originalQueue").asText()).isEqualTo("webhooks.replay");
        String id = letter.path("id").asText();
        JsonNode masked = viewer.getJson("/admin/v1/dead-letters/" + id);
        assertThat(masked.path("payload").isNull()).as("the shop's own JSON cannot be masked by field name").isTrue();
        assertThat(masked.path("payloadWithheld").asText()).contains("raw input");
        assertThat(masked.toString()).doesNotContain("Lovelace").doesNotContain("Analytical Way");
        assertThat(ops.getJson("/admin/v1/dead-letters/" + id + "?unmasked=true").path("payload").asText())
                .contains("presentment_currency");

        files.replace(SHOP_MAPPING, "\"currency\": .currency,",
                "\"currency\": if (.currency) .currency else .presentment_currency,");
        await().atMost(Duration.ofSeconds(20)).until(() -> changes(SHOP_MAPPING).stream()
                .anyMatch(change -> change.path("outcome").asText().equals("applied")));
        assertThat(ops.getJson("/admin/v1/reload").path("refused")).as("the validated reload took the fix").isEmpty();

        JsonNode replayed = ops.postJson("/admin/v1/dead-letters/" + id + "/replay", "");

        assertThat(replayed.path("outcome").asText()).isEqualTo("ok");
        assertThat(replayed.path("target").asText()).isEqualTo("webhooks.replay");
        await().atMost(Duration.ofSeconds(30)).until(() -> erp.answersFor("webhook:shop:" + number).contains(201));
        JsonNode documents = api.getJson("/api/v1/orders?partnerId=shop&externalOrderNumber=" + number).path("documents");
        assertThat(documents).hasSize(1);
        awaitState(api, documents.get(0).path("documentId").asText(), "accepted");
        assertThat(erp.ordersFor(String.valueOf(number))).hasSize(1);
        assertThat(erp.ordersFor(String.valueOf(number)).get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(viewer.getJson("/admin/v1/dead-letters?queue=webhooks.dlq&partner=shop").path("matched").asInt()).isZero();

        HttpResponse<String> again = ops.post("/admin/v1/dead-letters/" + id + "/replay", "");

        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(erp.answersFor("webhook:shop:" + number)).containsExactly(201);
        assertThat(ops.getJson("/admin/v1/audit?action=replay&target=" + id).path("entries").findValuesAsText("outcome"))
                .containsExactlyInAnyOrder("ok", "not-found");
    }

    @Test
    void cancellationTheErpNeverTookIsListedAndItsReplayCancelsTheOrder() {
        long number = ORDER_NUMBERS.incrementAndGet();
        awaitState(api, Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText(),
                "accepted");
        erp.fail(503, -1);
        String cancellation = Http.json(postShop("orders/cancelled", WebhookDeliveries.shopCancellation(number)))
                .path("documentId").asText();
        awaitState(api, cancellation, "dead-lettered");

        JsonNode letter = single("/admin/v1/dead-letters?queue=cancellations.dlq&documentId=" + cancellation);
        assertThat(letter.path("documentType").asText()).isEqualTo("cancellation");
        assertThat(letter.path("partnerId").asText()).isEqualTo("shop");
        assertThat(letter.path("reason").asText()).contains("503");
        assertThat(letter.path("failedRoute").asText()).isEqualTo("process-cancellations");
        assertThat(letter.path("attempts").asInt()).isEqualTo(2);
        assertThat(letter.path("originalQueue").asText()).isEqualTo("cancellations.inbound");
        erp.heal();

        JsonNode replayed = ops.postJson("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "");

        assertThat(replayed.path("outcome").asText()).isEqualTo("ok");
        awaitState(api, cancellation, "accepted");
        assertThat(erp.ordersFor(String.valueOf(number)).get(0).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(erp.answersFor("webhook:shop:" + number + "/cancellation")).containsExactly(503, 503, 200);
        assertThat(ops.post("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void callbackThatNeverGotThroughIsListedAndItsReplayDeliversItOnce() {
        receiver.fail(500, 1_000);
        long number = ORDER_NUMBERS.incrementAndGet();
        String documentId = Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number))).path("documentId").asText();
        awaitState(api, documentId, "accepted");
        await().atMost(Duration.ofSeconds(30)).until(() -> viewer.getJson(
                "/admin/v1/dead-letters?queue=callbacks.dlq&documentId=" + documentId).path("matched").asInt() == 1);

        JsonNode letter = single("/admin/v1/dead-letters?queue=callbacks.dlq&documentId=" + documentId);
        assertThat(letter.path("channel").asText()).isEqualTo("webhook");
        assertThat(letter.path("partnerId").asText()).isEqualTo("shop");
        assertThat(letter.path("reason").asText()).contains("500");
        assertThat(letter.path("failedRoute").asText()).isEqualTo("outbound-webhook-callbacks");
        assertThat(letter.path("originalQueue").asText()).isEqualTo("callbacks.outbound");
        assertThat(callsFor(number)).hasSize(2).extracting(CallbackReceiver.Call::answered).containsOnly(500);
        receiver.fail(503, 0);

        JsonNode replayed = ops.postJson("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "");

        assertThat(replayed.path("outcome").asText()).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(30)).until(() -> callsFor(number).stream().anyMatch(call -> call.answered() == 200));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> callsFor(number).size() == 3);
        CallbackReceiver.Call delivered = callsFor(number).get(2);
        assertThat(json(delivered.body()).path("status").asText()).isEqualTo("accepted");
        assertThat(delivered.header("Idempotency-Key")).isEqualTo(callsFor(number).get(0).header("Idempotency-Key"));
        assertThat(ops.post("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "").statusCode())
                .isEqualTo(404);
        assertThat(callsFor(number)).hasSize(3);
    }

    /** The one dead letter the query finds, once its JMS transaction has committed. */
    private static JsonNode single(String query) {
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.getJson(query).path("matched").asInt() > 0);
        JsonNode listed = viewer.getJson(query);
        assertThat(listed.path("matched").asInt()).as(query).isEqualTo(1);
        return listed.path("deadLetters").get(0);
    }

    private static HttpResponse<String> postShop(String topic, byte[] body) {
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", topic,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static List<CallbackReceiver.Call> callsFor(long orderNumber) {
        return receiver.callsTo("/shop/order-status").stream()
                .filter(call -> json(call.body()).path("order_number").asText().equals(String.valueOf(orderNumber)))
                .toList();
    }

    private static List<JsonNode> changes(String file) {
        return ops.getJson("/admin/v1/reload?limit=200").path("changes").findParents("file").stream()
                .filter(change -> change.path("file").asText().equals(file)).toList();
    }

    private static JsonNode json(String body) {
        return json(body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
