package io.interchange.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Broken and hostile bodies against the REST and webhook intakes of one running Interchange:
 * mutations ({@link BodyMutation}) of valid canonical orders and of the platforms' sample deliveries
 * (signed correctly, so they reach the JSON reader). Whatever comes in, the answer is not a 5xx, comes
 * within the client's timeout, and a refusal is problem+json that names its cause.
 */
class HttpIntakeFuzzIT {

    private static final String SHOP_SECRET = "fuzz-shop-secret";
    private static final String CRM_SECRET = "fuzz-crm-secret";
    private static final String PAYMENTS_SECRET = "whsec_fuzz-payments";
    /** Problem types whose errors must each name a pointer and a message. */
    private static final Set<String> POINTED = Set.of("schema-violation", "duplicate-key", "trailing-content");

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static final ConcurrentMap<String, LongAdder> ANSWERS = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() throws IOException {
        erp = TestErp.start();
        // the shop's own rate limit (50/s in mappings/webhooks.yaml) would answer most bodies 429
        // before their JSON is read: the same sources with a limit the fuzzing cannot reach
        Path webhooks = Files.createTempFile("fuzz-webhooks-", ".yaml");
        Files.writeString(webhooks, Files.readString(Path.of("mappings/webhooks.yaml"))
                .replace("rateLimit: { requests: 50, perSeconds: 1 }", "rateLimit: { requests: 100000, perSeconds: 1 }"));
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.webhooks.config", webhooks.toString(),
                "interchange.webhooks.rate-limit.requests", "100000",
                "interchange.webhook.shop.secret", SHOP_SECRET,
                "interchange.webhook.crm.secret", CRM_SECRET,
                "interchange.webhook.payments.secret", PAYMENTS_SECRET));
        api = interchange.http();
    }

    @AfterContainer
    static void stop() {
        System.out.println("HttpIntakeFuzzIT answers (status type: count): " + new java.util.TreeMap<>(ANSWERS));
        interchange.close();
        erp.close();
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void restIntakeAnswersEveryBodyWithoutA5xxAndNamesEveryRefusal(@ForAll("restBodies") Body body) {
        HttpResponse<String> response = api.post("/api/v1/orders", "application/json", body.bytes(), Map.of());

        assertNamedAnswer(response, body);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void webhookIntakeAnswersEveryDeliveryWithoutA5xxAndNamesEveryRefusal(@ForAll("deliveries") Body body) {
        HttpResponse<String> response = api.post("/webhooks/" + body.source(), "application/json", body.bytes(),
                signedHeaders(body));

        assertNamedAnswer(response, body);
    }

    @Provide
    Arbitrary<Body> restBodies() {
        return bodies(Arbitraries.just("rest"));
    }

    @Provide
    Arbitrary<Body> deliveries() {
        return bodies(Arbitraries.of("shop/orders/create", "shop/orders/cancelled", "crm", "payments"));
    }

    private static Arbitrary<Body> bodies(Arbitrary<String> bases) {
        Arbitrary<List<BodyMutation>> mutations = Arbitraries.of(BodyMutation.class).list().ofMinSize(0).ofMaxSize(3);
        return Combinators.combine(bases, mutations, Arbitraries.randoms()).as((base, applied, random) -> {
            byte[] bytes = BodyMutation.apply(document(base, random), applied, random);
            return new Body(base, applied, bytes);
        });
    }

    /** A valid document of the kind {@code base} names, with its own business key and delivery id. */
    private static ObjectNode document(String base, Random random) {
        long number = 1_000_000 + random.nextInt(1_000_000_000);
        return switch (base) {
            case "rest" -> Orders.order("fuzz", "FZ-" + number, "WIDGET-RED", "GADGET-BLUE");
            case "shop/orders/create" -> BodyMutation.parse(WebhookDeliveries.shopOrder(number));
            case "shop/orders/cancelled" -> BodyMutation.parse(WebhookDeliveries.shopCancellation(number));
            case "crm" -> {
                ObjectNode deal = WebhookDeliveries.sample("crm-deal-closed-won.json");
                deal.put("eventId", UUID.randomUUID().toString());
                ((ObjectNode) deal.path("deal")).put("id", "D-" + number);
                yield deal;
            }
            case "payments" -> WebhookDeliveries.sample("stripe-payment_intent.succeeded.json").put("id", "evt_" + number);
            default -> throw new IllegalArgumentException(base);
        };
    }

    private static Map<String, String> signedHeaders(Body body) {
        Map<String, String> headers = new HashMap<>();
        switch (body.source()) {
            case "shop" -> {
                headers.put("X-Shopify-Topic", body.base().substring("shop/".length()));
                headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
                headers.put("X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SHOP_SECRET, body.bytes()));
            }
            case "crm" -> headers.put("X-Hub-Signature-256", WebhookDeliveries.github(CRM_SECRET, body.bytes()));
            case "payments" -> headers.put("Stripe-Signature", stripe(body.bytes()));
            default -> throw new IllegalArgumentException(body.source());
        }
        return headers;
    }

    /**
     * {@code Stripe-Signature} over the bytes as sent: the shared test helper signs a String of the
     * body, which is not the body when the fuzzing made it invalid UTF-8.
     */
    private static String stripe(byte[] body) {
        long now = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PAYMENTS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((now + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + now + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNamedAnswer(HttpResponse<String> response, Body body) {
        int status = response.statusCode();
        assertThat(status).as("status for %s", body).isLessThan(500);
        if (status < 400) {
            JsonNode answer = Http.json(response);
            assertThat(answer.has("documentId") || answer.has("outcome")).as("answer %s for %s", answer, body).isTrue();
            count(status + " " + (answer.path("duplicate").asBoolean() ? "duplicate" : answer.path("outcome").asText("admitted")));
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).as("content type for %s", body)
                .hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        String type = problem.path("type").asText();
        String slug = type.substring(type.lastIndexOf('/') + 1);
        count(status + " " + slug);
        assertThat(problem.path("status").asInt()).as("%s for %s", problem, body).isEqualTo(status);
        assertThat(type).as("%s for %s", problem, body).startsWith("https://interchange.io/problems/");
        assertThat(problem.path("title").asText()).as("%s for %s", problem, body).isNotBlank();
        assertThat(problem.path("detail").asText()).as("%s for %s", problem, body).hasSizeGreaterThan(10);
        if (POINTED.contains(slug)) {
            assertThat(problem.path("errors")).as("%s for %s", problem, body).isNotEmpty().allSatisfy(error -> {
                assertThat(error.path("pointer").asText()).startsWith("/");
                assertThat(error.path("message").asText()).isNotBlank();
            });
        }
        if (body.mutations().equals(List.of(BodyMutation.DUPLICATE_KEY))) {
            assertThat(slug).as("%s for %s", problem, body).isEqualTo("duplicate-key");
        }
        if (body.mutations().equals(List.of(BodyMutation.TRAILING_CONTENT))) {
            assertThat(slug).as("%s for %s", problem, body).isEqualTo("trailing-content");
        }
    }

    private static void count(String answer) {
        ANSWERS.computeIfAbsent(answer, key -> new LongAdder()).increment();
    }

    /** One generated request body, described for the failure report by its base, mutations and start. */
    record Body(String base, List<BodyMutation> mutations, byte[] bytes) {

        String source() {
            return base.contains("/") ? base.substring(0, base.indexOf('/')) : base;
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return base + " " + mutations + " (" + bytes.length + " bytes): "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
