package io.interchange;

import static io.interchange.OrderApiIT.assertProblem;
import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.support.Http;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.LogCapture;
import io.interchange.webhook.WebhookDeliveries;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks from the shop (Shopify style), the payment service (Stripe style) and the CRM
 * (GitHub style), end to end over real HTTP through the embedded broker to the ERP sandbox.
 */
class WebhookIntakeIT {

    private static final String SHOP_SECRET = "shop-current-0c7f2d9a41";
    private static final String SHOP_PREVIOUS_SECRET = "shop-previous-5b8e13f6aa";
    private static final String PAYMENTS_SECRET = "whsec_payments-93ad0e7c21";
    private static final String CRM_SECRET = "crm-secret-2f6b9c04de";
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(2000);

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.attach();
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                // as -D or environment variables would set them (INTERCHANGE_WEBHOOK_SHOP_SECRET, ...)
                "interchange.webhook.shop.secret", SHOP_SECRET,
                "interchange.webhook.shop.previous.secret", SHOP_PREVIOUS_SECRET,
                "interchange.webhook.payments.secret", PAYMENTS_SECRET,
                "interchange.webhook.crm.secret", CRM_SECRET));
        api = interchange.http();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
        logs.close();
    }

    @Test
    void signedShopOrderIsAnsweredAtOnceAndBookedInTheErp() {
        long number = ORDER_NUMBERS.incrementAndGet();

        HttpResponse<String> response = postShop("orders/create", WebhookDeliveries.shopOrder(number), SHOP_SECRET);

        assertThat(response.statusCode()).isEqualTo(202);
        String documentId = Http.json(response).path("documentId").asText();
        JsonNode tracked = awaitState(api, documentId, "accepted");
        assertThat(tracked.path("businessKey").path("channel").asText()).isEqualTo("webhook");
        assertThat(tracked.path("businessKey").path("partnerId").asText()).isEqualTo("shop");
        List<JsonNode> booked = erp.ordersFor(String.valueOf(number));
        assertThat(booked).hasSize(1);
        JsonNode order = booked.get(0);
        assertThat(order.path("idempotencyKey").asText()).isEqualTo("webhook:shop:" + number);
        assertThat(order.path("customer").asText()).isEqualTo("7001001");
        assertThat(order.path("customerName").asText()).isEqualTo("Ada Lovelace");
        assertThat(order.path("orderDate").asText()).isEqualTo("2026-11-20");
        assertThat(order.path("shipTo").path("address").path("lines").toString()).contains("12 Analytical Way", "Unit 3");
        assertThat(order.path("lines").findValuesAsText("item")).containsExactly("WIDGET-RED", "GADGET-BLUE");
        assertThat(order.path("lines").get(0).path("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(order.path("origin").path("channel").asText()).isEqualTo("webhook");
    }

    @Test
    void repeatedDeliveryIsAnswered200AndChangesNothing() {
        long number = ORDER_NUMBERS.incrementAndGet();
        byte[] body = WebhookDeliveries.shopOrder(number);
        String deliveryId = UUID.randomUUID().toString();
        HttpResponse<String> first = postShop("orders/create", body, SHOP_SECRET, deliveryId);
        awaitState(api, Http.json(first).path("documentId").asText(), "accepted");
        long enqueued = enqueued();

        HttpResponse<String> again = postShop("orders/create", body, SHOP_SECRET, deliveryId);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("outcome").asText()).isEqualTo("duplicate");
        assertThat(Http.json(again).path("deliveryId").asText()).isEqualTo(deliveryId);
        assertThat(enqueued()).isEqualTo(enqueued);
        assertThat(erp.ordersFor(String.valueOf(number))).hasSize(1);
        assertThat(metrics()).contains("interchange_webhooks_total{outcome=\"duplicate\",source=\"shop\"}");
    }

    @Test
    void tenConcurrentCopiesOfOneDeliveryMakeOneErpOrder() throws Exception {
        long number = ORDER_NUMBERS.incrementAndGet();
        byte[] body = WebhookDeliveries.shopOrder(number);
        String deliveryId = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(() -> postShop("orders/create", body, SHOP_SECRET, deliveryId));
        }
        List<Integer> statuses = new ArrayList<>();
        String documentId = null;
        for (Future<HttpResponse<String>> answer : pool.invokeAll(copies)) {
            statuses.add(answer.get().statusCode());
            if (answer.get().statusCode() == 202) {
                documentId = Http.json(answer.get()).path("documentId").asText();
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 202).containsOnlyOnce(202);
        awaitState(api, documentId, "accepted");
        assertThat(erp.ordersFor(String.valueOf(number))).hasSize(1);
        assertThat(erp.answersFor("webhook:shop:" + number)).containsExactly(201);
    }

    @Test
    void deliveriesSignedWithTheCurrentOrThePreviousSecretAreBothAcceptedDuringARotation() {
        long current = ORDER_NUMBERS.incrementAndGet();
        long previous = ORDER_NUMBERS.incrementAndGet();

        HttpResponse<String> withCurrent = postShop("orders/create", WebhookDeliveries.shopOrder(current), SHOP_SECRET);
        HttpResponse<String> withPrevious = postShop("orders/create", WebhookDeliveries.shopOrder(previous), SHOP_PREVIOUS_SECRET);
        HttpResponse<String> withRetired = postShop("orders/create", WebhookDeliveries.shopOrder(
                ORDER_NUMBERS.incrementAndGet()), "shop-retired-secret");

        assertThat(withCurrent.statusCode()).isEqualTo(202);
        assertThat(withPrevious.statusCode()).isEqualTo(202);
        assertProblem(withRetired, 401, "invalid-signature");
        awaitState(api, Http.json(withPrevious).path("documentId").asText(), "accepted");
        assertThat(erp.ordersFor(String.valueOf(previous))).hasSize(1);
    }

    @Test
    void forgedSignatureIs401AndNothingIsEnqueued() {
        long number = ORDER_NUMBERS.incrementAndGet();
        byte[] signed = WebhookDeliveries.shopOrder(number);
        ObjectNode tampered = (ObjectNode) json(signed);
        ((ObjectNode) tampered.path("line_items").get(0)).put("quantity", 3000);
        long before = enqueued();

        HttpResponse<String> forged = api.post("/webhooks/shop", "application/json", WebhookDeliveries.bytes(tampered),
                shopHeaders("orders/create", UUID.randomUUID().toString(), WebhookDeliveries.shopify(SHOP_SECRET, signed)));
        HttpResponse<String> unsigned = api.post("/webhooks/shop", "application/json", signed,
                Map.of("X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", UUID.randomUUID().toString()));

        assertProblem(forged, 401, "invalid-signature");
        assertThat(Http.json(forged).path("detail").asText()).contains("X-Shopify-Hmac-Sha256");
        assertProblem(unsigned, 401, "missing-signature");
        assertThat(enqueued()).isEqualTo(before);
        assertThat(erp.ordersFor(String.valueOf(number))).isEmpty();
        assertThat(metrics()).contains("interchange_webhooks_rejected_total{reason=\"invalid-signature\",source=\"shop\"}")
                .contains("interchange_webhooks_rejected_total{reason=\"missing-signature\",source=\"shop\"}");
    }

    @Test
    void staleStripeTimestampIs401EvenWhenCorrectlySigned() {
        byte[] event = WebhookDeliveries.bytes(WebhookDeliveries.sample("stripe-payment_intent.succeeded.json"));
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        HttpResponse<String> response = api.post("/webhooks/payments", "application/json", event,
                Map.of("Stripe-Signature", WebhookDeliveries.stripe(PAYMENTS_SECRET, tenMinutesAgo, event)));

        assertProblem(response, 401, "stale-signature");
    }

    @Test
    void eventWithoutAMappingIsAcknowledgedCountedAndLoggedAsIgnored() {
        ObjectNode sample = WebhookDeliveries.sample("stripe-payment_intent.succeeded.json");
        sample.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        byte[] event = WebhookDeliveries.bytes(sample);
        long before = enqueued();

        HttpResponse<String> response = api.post("/webhooks/payments", "application/json", event,
                Map.of("Stripe-Signature", WebhookDeliveries.stripe(PAYMENTS_SECRET, Instant.now().getEpochSecond(), event)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Http.json(response).path("outcome").asText()).isEqualTo("ignored");
        assertThat(Http.json(response).path("topic").asText()).isEqualTo("payment_intent.succeeded");
        assertThat(enqueued()).isEqualTo(before);
        assertThat(metrics()).contains("interchange_webhooks_total{outcome=\"ignored\",source=\"payments\"}");
        assertThat(logs.all()).contains("Ignored webhook delivery " + sample.path("id").asText() + " from 'payments'");
    }

    @Test
    void crmDealThatIsNotWonIsIgnoredAndAWonDealBecomesAnOrder() {
        ObjectNode open = WebhookDeliveries.sample("crm-deal-closed-won.json");
        open.put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) open.path("deal")).put("stage", "negotiation").put("id", "D-OPEN-1");
        ObjectNode won = WebhookDeliveries.sample("crm-deal-closed-won.json");
        won.put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) won.path("deal")).put("id", "D-WON-1");
        ((ObjectNode) won.path("deal").path("lines").get(1)).put("productCode", "GADGET-SUPPORT");

        HttpResponse<String> openAnswer = postCrm(WebhookDeliveries.bytes(open));
        HttpResponse<String> wonAnswer = postCrm(WebhookDeliveries.bytes(won));

        assertThat(openAnswer.statusCode()).isEqualTo(202);
        assertThat(Http.json(openAnswer).path("outcome").asText()).isEqualTo("ignored");
        assertThat(wonAnswer.statusCode()).isEqualTo(202);
        awaitState(api, Http.json(wonAnswer).path("documentId").asText(), "accepted");
        JsonNode booked = erp.ordersFor("D-WON-1").get(0);
        assertThat(booked.path("customer").asText()).isEqualTo("C-100233");
        assertThat(booked.path("currency").asText()).isEqualTo("EUR");
        assertThat(booked.path("requestedDelivery").asText()).isEqualTo("2026-12-15");
        assertThat(erp.ordersFor("D-OPEN-1")).isEmpty();
    }

    @Test
    void shopCancellationReachesTheErpAndCancelsTheOrder() {
        long number = ORDER_NUMBERS.incrementAndGet();
        String order = Http.json(postShop("orders/create", WebhookDeliveries.shopOrder(number), SHOP_SECRET))
                .path("documentId").asText();
        awaitState(api, order, "accepted");

        HttpResponse<String> response = postShop("orders/cancelled", WebhookDeliveries.shopCancellation(number), SHOP_SECRET);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode cancellation = awaitState(api, Http.json(response).path("documentId").asText(), "accepted");
        assertThat(cancellation.path("documentType").asText()).isEqualTo("cancellation");
        assertThat(cancellation.path("businessKey").path("externalNumber").asText()).isEqualTo(number + "/cancellation");
        JsonNode booked = erp.ordersFor(String.valueOf(number)).get(0);
        assertThat(booked.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(booked.path("cancellationReason").asText()).isEqualTo("customer");
        assertThat(cancellation.path("erpOrderNumber").asText()).isEqualTo(booked.path("erpOrderNumber").asText());
        assertThat(erp.answersFor("webhook:shop:" + number + "/cancellation")).containsExactly(200);
    }

    @Test
    void cancellationThatArrivesBeforeItsOrderWaitsForIt() {
        long number = ORDER_NUMBERS.incrementAndGet();

        String cancellation = Http.json(postShop("orders/cancelled", WebhookDeliveries.shopCancellation(number), SHOP_SECRET))
                .path("documentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.answersFor("webhook:shop:" + number + "/cancellation").contains(404));
        postShop("orders/create", WebhookDeliveries.shopOrder(number), SHOP_SECRET);

        awaitState(api, cancellation, "accepted");
        assertThat(erp.ordersFor(String.valueOf(number)).get(0).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void unknownSourceIs404() {
        HttpResponse<String> response = api.post("/webhooks/nobody", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of());

        assertProblem(response, 404, "unknown-webhook-source");
        assertThat(metrics()).contains("interchange_webhooks_rejected_total{reason=\"unknown-webhook-source\",source=\"unknown\"}");
    }

    @Test
    void bodyOverTheSourcesLimitIs413() {
        ObjectNode event = WebhookDeliveries.sample("stripe-payment_intent.succeeded.json");
        event.put("padding", "x".repeat(70_000));
        byte[] body = WebhookDeliveries.bytes(event);

        HttpResponse<String> response = api.post("/webhooks/payments", "application/json", body,
                Map.of("Stripe-Signature", WebhookDeliveries.stripe(PAYMENTS_SECRET, Instant.now().getEpochSecond(), body)));

        assertProblem(response, 413, "payload-too-large");
        assertThat(Http.json(response).path("detail").asText()).contains("65536");
    }

    @Test
    void unmappablePayloadIs422WithTheReasonAndKeptInTheWebhookDeadLetterQueue() throws Exception {
        long number = ORDER_NUMBERS.incrementAndGet();
        ObjectNode order = (ObjectNode) json(WebhookDeliveries.shopOrder(number));
        ((ObjectNode) order.path("line_items").get(1)).remove("sku");
        byte[] body = WebhookDeliveries.bytes(order);
        String deliveryId = "unmappable-" + number;
        long before = enqueued();

        HttpResponse<String> response = postShop("orders/create", body, SHOP_SECRET, deliveryId);

        assertProblem(response, 422, "unmappable-payload");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("detail").asText()).contains("/lines/1").contains("sku");
        assertThat(problem.path("errors").findValuesAsText("pointer")).contains("/lines/1");
        assertThat(enqueued()).isEqualTo(before);
        Message dead = receive("webhooks.dlq", "webhookDeliveryId = '" + deliveryId + "'");
        assertThat(dead).as("delivery in webhooks.dlq").isNotNull();
        assertThat(new String(dead.getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(dead.getStringProperty("webhookSource")).isEqualTo("shop");
        assertThat(dead.getStringProperty("webhookTopic")).isEqualTo("orders/create");
        assertThat(dead.getStringProperty("interchangeError")).contains("/lines/1");
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        CanonicalJson.mapper().readTree(dead.getStringProperty("webhookRequestHeaders")).fields()
                .forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        assertThat(headers).containsEntry("X-Shopify-Topic", "orders/create")
                .containsEntry("X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body));

        // the refused delivery id is not remembered: the platform's retry is processed again
        assertProblem(postShop("orders/create", body, SHOP_SECRET, deliveryId), 422, "unmappable-payload");
    }

    @Test
    void deliveryWithoutItsDeliveryIdIs400() {
        byte[] body = WebhookDeliveries.shopOrder(ORDER_NUMBERS.incrementAndGet());

        HttpResponse<String> response = api.post("/webhooks/shop", "application/json", body,
                Map.of("X-Shopify-Topic", "orders/create", "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));

        assertProblem(response, 400, "missing-delivery-id");
        assertThat(Http.json(response).path("detail").asText()).contains("X-Shopify-Webhook-Id");
    }

    @Test
    void nothingAboutASecretAppearsInAnswersOrLogs() {
        byte[] body = WebhookDeliveries.shopOrder(ORDER_NUMBERS.incrementAndGet());
        HttpResponse<String> forged = postShop("orders/create", body, "guess");
        HttpResponse<String> good = postShop("orders/create", body, SHOP_SECRET);

        for (HttpResponse<String> response : List.of(forged, good)) {
            assertThat(response.body()).doesNotContain(SHOP_SECRET).doesNotContain(SHOP_PREVIOUS_SECRET);
            assertThat(response.headers().map().toString()).doesNotContain(SHOP_SECRET);
        }
        assertThat(logs.lines()).isNotEmpty();
        for (String secret : List.of(SHOP_SECRET, SHOP_PREVIOUS_SECRET, PAYMENTS_SECRET, CRM_SECRET)) {
            assertThat(logs.all()).doesNotContain(secret);
        }
    }

    @Test
    void shopPricesHeldAsStringsReachTheErpDigitForDigit() {
        long number = ORDER_NUMBERS.incrementAndGet();
        ObjectNode delivery = (ObjectNode) json(WebhookDeliveries.shopOrder(number));
        ((ObjectNode) delivery.path("line_items").get(0)).put("price", "123456789.123456");
        ((ObjectNode) delivery.path("line_items").get(1)).put("price", "12.10");

        HttpResponse<String> response = postShop("orders/create", WebhookDeliveries.bytes(delivery), SHOP_SECRET);

        awaitState(api, Http.json(response).path("documentId").asText(), "accepted");
        JsonNode lines = erp.ordersFor(String.valueOf(number)).get(0).path("lines");
        assertThat(lines.get(0).path("price").toString()).isEqualTo("123456789.123456");
        assertThat(lines.get(1).path("price").toString()).isEqualTo("12.10");
        assertThat(lines.get(1).path("quantity").toString()).isEqualTo("1");
    }

    @Test
    void knownShopOrderWithOtherContentIs409NamingTheOriginalAndTheSameContentStays200() {
        long number = ORDER_NUMBERS.incrementAndGet();
        byte[] original = WebhookDeliveries.shopOrder(number);
        String documentId = Http.json(postShop("orders/create", original, SHOP_SECRET)).path("documentId").asText();
        ObjectNode changed = (ObjectNode) json(original);
        changed.put("currency", "EUR");
        long enqueued = enqueued();

        HttpResponse<String> conflict = postShop("orders/create", WebhookDeliveries.bytes(changed), SHOP_SECRET);
        HttpResponse<String> resent = postShop("orders/create", original, SHOP_SECRET);

        assertProblem(conflict, 409, "business-key-conflict");
        assertThat(Http.json(conflict).path("documentId").asText()).isEqualTo(documentId);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(Http.json(resent).path("documentId").asText()).isEqualTo(documentId);
        assertThat(enqueued()).isEqualTo(enqueued);
        assertThat(awaitState(api, documentId, "accepted")).isNotNull();
        assertThat(erp.ordersFor(String.valueOf(number))).singleElement()
                .satisfies(booked -> assertThat(booked.path("currency").asText()).isEqualTo("USD"));
        assertThat(metrics()).contains("interchange_webhooks_rejected_total{reason=\"business-key-conflict\",source=\"shop\"}");
    }

    @Test
    void deliveryWithADuplicateKeyIs400NamingItAndNothingIsEnqueued() {
        long number = ORDER_NUMBERS.incrementAndGet();
        String body = new String(WebhookDeliveries.shopOrder(number), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"currency\":\"EUR\",");
        long enqueued = enqueued();

        HttpResponse<String> response = postShop("orders/create", body.getBytes(StandardCharsets.UTF_8), SHOP_SECRET);

        assertProblem(response, 400, "duplicate-key");
        assertThat(Http.json(response).path("errors").get(0).path("pointer").asText()).isEqualTo("/currency");
        assertThat(enqueued()).isEqualTo(enqueued);
    }

    private static HttpResponse<String> postShop(String topic, byte[] body, String secret) {
        return postShop(topic, body, secret, UUID.randomUUID().toString());
    }

    private static HttpResponse<String> postShop(String topic, byte[] body, String secret, String deliveryId) {
        return api.post("/webhooks/shop", "application/json", body,
                shopHeaders(topic, deliveryId, WebhookDeliveries.shopify(secret, body)));
    }

    private static Map<String, String> shopHeaders(String topic, String deliveryId, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Webhook-Id", deliveryId);
        headers.put("X-Shopify-Shop-Domain", "example-shop.myshopify.com");
        headers.put("X-Shopify-Hmac-Sha256", signature);
        return headers;
    }

    private static HttpResponse<String> postCrm(byte[] body) {
        return api.post("/webhooks/crm", "application/json", body,
                Map.of("X-Hub-Signature-256", WebhookDeliveries.github(CRM_SECRET, body)));
    }

    private static long enqueued() {
        return interchange.queue("orders.inbound").getMessagesAdded()
                + interchange.queue("cancellations.inbound").getMessagesAdded();
    }

    private static String metrics() {
        return api.get("/observe/metrics").body();
    }

    private static JsonNode json(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Message receive(String queue, String selector) throws JMSException {
        String acceptor = interchange.property("interchange.broker.embedded.acceptor").replaceAll("\\?.*", "");
        try (jakarta.jms.Connection connection = new ActiveMQConnectionFactory(acceptor).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                return consumer.receive(10_000);
            }
        }
    }
}
