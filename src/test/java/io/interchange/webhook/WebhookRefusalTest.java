package io.interchange.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.interchange.canonical.SchemaViolation;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a refused webhook delivery leaves behind: an unmappable one is kept with everything a replay
 * needs (and no credentials); every refusal is counted by reason and answered with its own problem;
 * one that cannot be kept is answered 500, so the platform sends it again.
 */
class WebhookRefusalTest {

    private static final String BODY = "{\"id\":1001,\"line_items\":\"not a list\"}";

    private CamelContext camel;
    private ProducerTemplate producer;
    private SimpleMeterRegistry meters;
    private final AtomicReference<Throwable> answered = new AtomicReference<>();

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void anUnmappableDeliveryIsKeptWithItsHeadersButNotItsCredentialsAndAnswered422() throws Exception {
        Exchange refused = delivery(WebhookRefusedException.unmappable("The order has no lines.",
                List.of(new SchemaViolation("/lines", "must be an array"))));

        refusal("seda:webhooks-dlq").process(refused);

        Exchange kept = camel.createConsumerTemplate().receive("seda:webhooks-dlq", 5_000);
        assertThat(kept).as("the delivery is in the dead-letter queue").isNotNull();
        assertThat(kept.getMessage().getBody(byte[].class)).asString(StandardCharsets.UTF_8).isEqualTo(BODY);
        assertThat(kept.getMessage().getHeaders())
                .containsEntry(WebhookRefusal.DLQ_TOPIC, "orders/create")
                .containsEntry(WebhookRefusal.DLQ_DELIVERY_ID, "d-1001")
                .containsEntry(WebhookRefusal.DLQ_ERROR, "The order has no lines.")
                .containsEntry(WebhookRefusal.DLQ_ORIGINAL_QUEUE, "webhooks.replay")
                .containsEntry(DocumentHeaders.CHANNEL, "webhook")
                .containsKey(WebhookRefusal.DLQ_AT);
        var requestHeaders = CanonicalJson.mapper().readTree(kept.getMessage().getHeader(WebhookRefusal.DLQ_REQUEST_HEADERS, String.class));
        assertThat(requestHeaders.path("X-Shopify-Topic").asText()).isEqualTo("orders/create");
        assertThat(requestHeaders.has("Authorization")).as("credentials are never stored").isFalse();
        assertThat(requestHeaders.has("Cookie")).isFalse();
        assertThat(answered.get()).isInstanceOfSatisfying(WebhookRefusedException.class,
                problem -> assertThat(problem.problem().status()).isEqualTo(422));
        assertThat(rejected("unmappable-payload")).isEqualTo(1.0);
    }

    @Test
    void aRefusalThatNeedsNoDeadLetterIsOnlyCountedAndAnswered() throws Exception {
        Exchange refused = delivery(WebhookRefusedException.rateLimited("shop", 3));

        refusal("seda:webhooks-dlq").process(refused);

        assertThat(camel.createConsumerTemplate().receiveNoWait("seda:webhooks-dlq")).isNull();
        assertThat(answered.get()).isInstanceOfSatisfying(WebhookRefusedException.class, problem -> {
            assertThat(problem.problem().status()).isEqualTo(429);
            assertThat(problem.retryAfterSeconds()).isEqualTo(3);
        });
        assertThat(rejected("rate-limited")).isEqualTo(1.0);
    }

    @Test
    void anUnmappableDeliveryThatCannotBeKeptIsAnswered500SoThePlatformSendsItAgain() throws Exception {
        Exchange refused = delivery(WebhookRefusedException.unmappable("The order has no lines.", List.of()));

        refusal("direct:nobody-listens").process(refused);

        assertThat(answered.get()).isNotInstanceOf(WebhookRefusedException.class).isInstanceOf(RuntimeException.class);
        assertThat(rejected("internal-error")).isEqualTo(1.0);
    }

    private WebhookRefusal refusal(String deadLetterEndpoint) {
        return new WebhookRefusal(exchange -> answered.set(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)),
                producer, deadLetterEndpoint, "webhooks.replay", new WebhookMetrics(meters));
    }

    private Exchange delivery(Throwable cause) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        exchange.setProperty(WebhookExchange.RAW_BODY, BODY.getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(WebhookExchange.TOPIC, "orders/create");
        exchange.setProperty(WebhookExchange.DELIVERY_ID, "d-1001");
        exchange.getMessage().setHeader("X-Shopify-Topic", "orders/create");
        exchange.getMessage().setHeader("Authorization", "Bearer secret-token");
        exchange.getMessage().setHeader("Cookie", "session=abc");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return exchange;
    }

    private double rejected(String reason) {
        var counter = meters.find("interchange.webhooks.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
