package io.interchange;

import static io.interchange.OrderApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.interchange.support.Http;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.LogCapture;
import io.interchange.webhook.WebhookDeliveries;
import io.interchange.webhook.WebhookSources;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ops edit the webhook configuration and the secret files on disk while Interchange runs: good
 * edits apply once the file watcher has seen them settle, bad ones are refused without taking anything down.
 */
class WebhookConfigurationReloadIT {

    private static final String SHOP_SECRET = "reload-shop-secret-6e1f";
    /** A source of our own next to the shop: GitHub-style signature, secrets from files. */
    private static final String MARKETPLACE = """
              marketplace:
                signature:
                  scheme: github
                  secrets:
                    - secretFile: %s
                    - secretFile: %s
                deliveryId: { field: /eventId }
                topic: { field: /eventType }
                rateLimit: { requests: %d, perSeconds: 60 }
                topics: {}
            """;
    private static final AtomicLong MTIME = new AtomicLong(Instant.now().getEpochSecond());

    private static Path config;
    private static Path currentSecret;
    private static Path previousSecret;
    private static String shopOnly;
    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("webhook-config-");
        config = dir.resolve("webhooks.yaml");
        currentSecret = dir.resolve("marketplace-current.secret");
        previousSecret = dir.resolve("marketplace-previous.secret");
        String repository = Files.readString(Path.of("mappings/webhooks.yaml"));
        shopOnly = repository.substring(0, repository.indexOf("\n  payments:")) + "\n";
        write(config, shopOnly);
        logs = LogCapture.attach();
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.webhooks.config", config.toString(),
                "interchange.webhook.shop.secret", SHOP_SECRET));
        api = interchange.http();
    }

    @BeforeEach
    void onlyTheShop() throws IOException {
        write(config, shopOnly);
        Files.deleteIfExists(currentSecret);
        Files.deleteIfExists(previousSecret);
        awaitInForce(sources -> sources.ids().equals(Set.of("shop")) && mapping("orders/create").endsWith("orders-create.jslt"));
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
        logs.close();
    }

    @Test
    void sourceAddedToTheFileServesTheNextDeliveryWithoutARestart() throws IOException {
        write(currentSecret, "market-secret-1\n");
        assertProblem(postMarketplace("market-secret-1"), 404, "unknown-webhook-source");

        write(config, shopOnly + marketplace(100));
        awaitInForce(sources -> sources.ids().contains("marketplace"));

        HttpResponse<String> response = postMarketplace("market-secret-1");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Http.json(response).path("outcome").asText()).isEqualTo("ignored");
    }

    @Test
    void invalidEditIsRefusedWithAClearLogLineAndThePreviousConfigurationKeepsServing() throws IOException {
        write(currentSecret, "market-secret-1");
        write(config, shopOnly + marketplace(100));
        awaitInForce(sources -> sources.ids().contains("marketplace"));
        assertThat(postMarketplace("market-secret-1").statusCode()).isEqualTo(202);

        write(config, shopOnly.replace("scheme: shopify", "scheme: shopfy")
                + marketplace(100).replace("{ field: /eventId }", "{ column: eventId }"));
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.all().contains("Refused webhook configuration " + config));

        assertThat(postMarketplace("market-secret-1").statusCode()).isEqualTo(202);
        assertThat(postShopOrder().statusCode()).isEqualTo(202);
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                .contains("Refused webhook configuration " + config)
                .contains("the previous configuration stays in force")
                .contains("sources.shop.signature.scheme: unknown signature scheme 'shopfy'")
                .contains("sources.marketplace.deliveryId: must be {header: NAME} or {field: /json/pointer}"));

        write(config, "sources:\n  shop: [this is: not, a source\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.all().contains("not valid YAML"));
        assertThat(postShopOrder().statusCode()).isEqualTo(202);
    }

    @Test
    void secretRotatedInItsFilesAppliesWithoutARestart() throws IOException {
        write(currentSecret, "market-old");
        write(config, shopOnly + marketplace(100));
        awaitInForce(sources -> sources.ids().contains("marketplace"));
        assertThat(postMarketplace("market-old").statusCode()).isEqualTo(202);

        // rotation, step 1: the new secret becomes current, the old one stays accepted meanwhile
        write(currentSecret, "market-new");
        write(previousSecret, "market-old");
        await().atMost(Duration.ofSeconds(30)).until(() -> postMarketplace("market-new").statusCode() == 202
                && postMarketplace("market-old").statusCode() == 202);

        // step 2, once the platform signs with the new one: the old one is retired
        Files.delete(previousSecret);
        await().atMost(Duration.ofSeconds(30)).until(() -> postMarketplace("market-old").statusCode() == 401);
        assertProblem(postMarketplace("market-old"), 401, "invalid-signature");
        assertThat(postMarketplace("market-new").statusCode()).isEqualTo(202);
    }

    @Test
    void sourceOverItsRateLimitIsAnswered429WithRetryAfterAndOthersAreNotHeldUp() throws IOException {
        write(currentSecret, "market-secret-1");
        write(config, shopOnly + marketplace(2));
        awaitInForce(sources -> sources.ids().contains("marketplace"));

        assertThat(postMarketplace("market-secret-1").statusCode()).isEqualTo(202);
        assertThat(postMarketplace("market-secret-1").statusCode()).isEqualTo(202);
        HttpResponse<String> third = postMarketplace("market-secret-1");

        assertProblem(third, 429, "rate-limited");
        assertThat(third.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(postShopOrder().statusCode()).isEqualTo(202);
        assertThat(api.get("/observe/metrics").body())
                .contains("interchange_webhooks_rejected_total{reason=\"rate-limited\",source=\"marketplace\"}");
    }

    @Test
    void unmappableDeliveryIsReplayedFromTheDeadLetterQueueOnceItsMappingIsFixed() throws Exception {
        // a wrong mapping for orders/create: every order is unmappable
        write(config, shopOnly.replace("mapping: webhooks/shop/orders-create.jslt", "mapping: webhooks/shop/orders-cancelled.jslt"));
        awaitInForce(sources -> mapping("orders/create").endsWith("orders-cancelled.jslt"));
        long number = 9_500_000 + System.nanoTime() % 100_000;
        byte[] body = WebhookDeliveries.shopOrder(number);
        String deliveryId = "replay-" + number;
        assertProblem(postShop(body, deliveryId), 422, "unmappable-payload");

        write(config, shopOnly);
        awaitInForce(sources -> mapping("orders/create").endsWith("orders-create.jslt"));
        String replayedTo = moveBackFromTheDeadLetterQueue("webhookDeliveryId = '" + deliveryId + "'");

        assertThat(replayedTo).isEqualTo("webhooks.replay");
        await().atMost(Duration.ofSeconds(30)).until(() -> erp.ordersFor(String.valueOf(number)).size() == 1);
        assertThat(erp.ordersFor(String.valueOf(number)).get(0).path("idempotencyKey").asText()).isEqualTo("webhook:shop:" + number);
        // the platform's own retry of that delivery now finds it done
        HttpResponse<String> retry = postShop(body, deliveryId);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Http.json(retry).path("outcome").asText()).isEqualTo("duplicate");
    }

    /** What the DLQ tooling does: takes the entry and sends it unchanged to the queue it names. */
    private static String moveBackFromTheDeadLetterQueue(String selector) throws Exception {
        String acceptor = interchange.property("interchange.broker.embedded.acceptor").replaceAll("\\?.*", "");
        try (Connection connection = new ActiveMQConnectionFactory(acceptor).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage dead;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("webhooks.dlq"), selector)) {
                dead = (BytesMessage) consumer.receive(10_000);
            }
            assertThat(dead).as("entry in webhooks.dlq").isNotNull();
            String queue = dead.getStringProperty("interchangeOriginalQueue");
            BytesMessage replay = session.createBytesMessage();
            replay.writeBytes(dead.getBody(byte[].class));
            for (Enumeration<?> names = dead.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                if (!name.startsWith("JMS")) {
                    replay.setObjectProperty(name, dead.getObjectProperty(name));
                }
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(replay);
            }
            return queue;
        }
    }

    private static HttpResponse<String> postShop(byte[] body, String deliveryId) {
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", deliveryId,
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    private static String marketplace(int requestsPerMinute) {
        return MARKETPLACE.formatted(currentSecret, previousSecret, requestsPerMinute);
    }

    private static HttpResponse<String> postMarketplace(String secret) {
        byte[] body = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"listing.updated\"}")
                .getBytes(StandardCharsets.UTF_8);
        return api.post("/webhooks/marketplace", "application/json", body,
                Map.of("X-Hub-Signature-256", WebhookDeliveries.github(secret, body)));
    }

    private static HttpResponse<String> postShopOrder() {
        byte[] body = WebhookDeliveries.shopOrder(9000 + MTIME.get() % 1000 + System.nanoTime() % 100_000);
        return api.post("/webhooks/shop", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body)));
    }

    /** Waits until the file watcher has put the configuration that {@code inForce} describes in force. */
    private static void awaitInForce(Predicate<WebhookSources> inForce) {
        WebhookSources sources = interchange.bean("webhookSources", WebhookSources.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> inForce.test(sources));
    }

    private static String mapping(String topic) {
        return interchange.bean("webhookSources", WebhookSources.class).find("shop").orElseThrow()
                .settings().route(topic).orElseThrow().mapping().toString();
    }

    /** Writes a file as an editor would, with a modification time later than any before. */
    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(MTIME.incrementAndGet())));
    }
}
