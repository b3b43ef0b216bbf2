package io.interchange;

import static io.interchange.OrderApiIT.assertProblem;
import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.RouteFiles;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ops suspend one webhook source while the others go on: its platform is told 503 and retries
 * later, nothing of it is enqueued, and what it sent before still reaches the ERP.
 */
class WebhookIntakeSuspensionIT {

    private static final String SHOP_SECRET = "suspend-shop-secret-58c1";
    private static final String CRM_SECRET = "suspend-crm-secret-0d7e";
    private static final String MARKETPLACE_SECRET = "suspend-marketplace-secret-93b0";
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(40_000);
    private static final AtomicLong MTIME = new AtomicLong(Instant.now().getEpochSecond());

    private static RouteFiles files;
    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient ops;

    @BeforeAll
    static void start() {
        files = RouteFiles.copyOfRepository();
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.mappings.dir", files.mappings().toString(),
                "interchange.webhook.shop.secret", SHOP_SECRET,
                "interchange.webhook.crm.secret", CRM_SECRET,
                "interchange.webhook.marketplace.secret", MARKETPLACE_SECRET,
                "interchange.admin.users", "olga:ops",
                "interchange.admin.user.olga.password", "olga-secret"));
        ops = AdminClient.as(interchange, "olga", "olga-secret");
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void suspendedSourceGets503WhileOtherSourcesAndItsQueuedOrdersGoOnAndItStaysSuspendedAcrossARestart() throws Exception {
        interchange.context().getRouteController().stopRoute("process-orders");
        long queuedNumber = ORDER_NUMBERS.incrementAndGet();
        String queued = Http.json(postShop(queuedNumber)).path("documentId").asText();

        JsonNode suspended = ops.postJson("/admin/v1/intakes/webhook-shop/suspend", "{\"reason\":\"shop replays last year's orders\"}");

        assertThat(suspended.path("suspended").asBoolean()).isTrue();
        assertThat(suspended.path("kind").asText()).isEqualTo("source");
        long enqueued = enqueued();
        long refusedNumber = ORDER_NUMBERS.incrementAndGet();
        HttpResponse<String> refused = postShop(refusedNumber);
        assertProblem(refused, 503, "intake-suspended");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(Http.json(refused).path("detail").asText()).contains("webhook-shop");
        assertThat(enqueued()).as("nothing of the suspended source is enqueued").isEqualTo(enqueued);
        assertThat(interchange.http().get("/observe/metrics").body())
                .contains("interchange_webhooks_rejected_total{reason=\"intake-suspended\",source=\"shop\"}");

        HttpResponse<String> crm = postCrmDeal("D-SUSP-" + UUID.randomUUID());
        assertThat(crm.statusCode()).as("other sources go on").isEqualTo(202);

        interchange.context().getRouteController().startRoute("process-orders");
        awaitState(interchange.http(), queued, "accepted");
        assertThat(erp.ordersFor(String.valueOf(queuedNumber))).as("queued before the suspension").hasSize(1);
        awaitState(interchange.http(), Http.json(crm).path("documentId").asText(), "accepted");

        interchange.restart();
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        assertThat(ops.getJson("/admin/v1/intakes/webhook-shop").path("suspended").asBoolean()).isTrue();
        assertProblem(postShop(refusedNumber), 503, "intake-suspended");

        JsonNode resumed = ops.postJson("/admin/v1/intakes/webhook-shop/resume", "");

        assertThat(resumed.path("suspended").asBoolean()).isFalse();
        HttpResponse<String> again = postShop(refusedNumber);
        assertThat(again.statusCode()).as("the platform's retry after the resume").isEqualTo(202);
        awaitState(interchange.http(), Http.json(again).path("documentId").asText(), "accepted");
        assertThat(erp.ordersFor(String.valueOf(refusedNumber))).hasSize(1);
        assertThat(ops.getJson("/admin/v1/audit?target=intake%20webhook-shop").path("entries").findValuesAsText("action"))
                .containsExactly("resume", "suspend");
    }

    @Test
    void everyDeclaredSourceIsAnIntakeWithItsCountersAndTheListFollowsLiveEditsOfTheRegistry() throws Exception {
        long number = ORDER_NUMBERS.incrementAndGet();
        awaitState(interchange.http(), Http.json(postShop(number)).path("documentId").asText(), "accepted");

        JsonNode shop = intake("webhook-shop");
        assertThat(intakeIds()).contains("rest", "webhook-shop", "webhook-payments", "webhook-crm")
                .as("the shared routes are no intakes of their own").doesNotContain("webhook-admission", "webhook");
        assertThat(shop.path("description").asText()).contains("/webhooks/shop");
        assertThat(shop.path("documents").path("accepted").asLong()).as("tracked as channel webhook, partner shop")
                .isPositive();
        assertThat(shop.path("lastReceivedAt").asText()).isNotBlank();
        assertThat(intake("webhook-payments").path("documents").path("total").asLong()).isZero();

        String registry = files.read("mappings/webhooks.yaml");
        writeRegistry(registry + """

                  marketplace:
                    signature:
                      scheme: github
                      secrets:
                        - secretEnv: INTERCHANGE_WEBHOOK_MARKETPLACE_SECRET
                    deliveryId: { field: /eventId }
                    topic: { field: /eventType }
                    topics: {}
                """);

        // the one file watcher applies a settled edit within a poll or two (interchange.reload.poll-ms)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(intakeIds())
                .as("a source added live becomes an intake").contains("webhook-marketplace"));
        ops.postJson("/admin/v1/intakes/webhook-marketplace/suspend", "{\"reason\":\"not signed off yet\"}");
        assertProblem(postMarketplace(), 503, "intake-suspended");

        writeRegistry(registry);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(intakeIds())
                .as("a removed source is no intake any more").doesNotContain("webhook-marketplace"));
        assertThat(ops.get("/admin/v1/intakes/webhook-marketplace").statusCode()).isEqualTo(404);
        assertProblem(postMarketplace(), 404, "unknown-webhook-source");
    }

    private static HttpResponse<String> postShop(long number) {
        byte[] body = WebhookDeliveries.shopOrder(number);
        // the platform retries a refused delivery under its delivery id, which is per order here
        return interchange.http().post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", "suspend-" + number,
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static HttpResponse<String> postCrmDeal(String dealId) {
        ObjectNode deal = WebhookDeliveries.sample("crm-deal-closed-won.json");
        deal.put("eventId", UUID.randomUUID().toString());
        ((ObjectNode) deal.path("deal")).put("id", dealId);
        // a product the ERP sandbox knows, so the deal is booked
        ((ObjectNode) deal.path("deal").path("lines").get(1)).put("productCode", "GADGET-SUPPORT");
        byte[] body = WebhookDeliveries.bytes(deal);
        return interchange.http().post("/webhooks/crm", "application/json", body,
                Map.of("X-Hub-Signature-256", WebhookDeliveries.github(CRM_SECRET, body)));
    }

    private static HttpResponse<String> postMarketplace() {
        byte[] body = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"listing.created\"}").getBytes(StandardCharsets.UTF_8);
        return interchange.http().post("/webhooks/marketplace", "application/json", body,
                Map.of("X-Hub-Signature-256", WebhookDeliveries.github(MARKETPLACE_SECRET, body)));
    }

    private static List<String> intakeIds() {
        return ops.getJson("/admin/v1/intakes").path("intakes").findValuesAsText("id");
    }

    private static JsonNode intake(String id) {
        return ops.getJson("/admin/v1/intakes/" + id);
    }

    /** Saves the registry as an editor would; the modification time moves on even within one second. */
    private static void writeRegistry(String content) throws Exception {
        files.write("mappings/webhooks.yaml", content);
        Files.setLastModifiedTime(files.mappings().resolve("webhooks.yaml"),
                FileTime.from(Instant.ofEpochSecond(MTIME.incrementAndGet())));
    }

    private static long enqueued() {
        return interchange.queue("orders.inbound").getMessagesAdded()
                + interchange.queue("cancellations.inbound").getMessagesAdded();
    }
}
