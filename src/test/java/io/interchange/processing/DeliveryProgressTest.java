package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.interchange.erp.ErpUnavailableException;
import io.interchange.model.DocumentHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions of the one failure policy (routes/processing/retry-then-dead-letter.camel.yaml), as
 * its steps take them on an exchange the way the error handler hands it over: which failures come
 * back as a retry copy and when, which go to the dead-letter queue, and the headers a dead letter
 * carries, for whichever flow names its queues.
 */
class DeliveryProgressTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String CALLBACKS = "callbacks.outbound";
    private static final String CALLBACKS_DLQ = "callbacks.dlq";
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final List<String> recorded = new ArrayList<>();
    private final DeliveryProgress progress = new DeliveryProgress(
            new OrderRetries(new RetryPolicy(6, Duration.ofMinutes(30),
                    new RetrySchedule(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0)),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            Map.of(CALLBACKS, new DeliveryRecord() {
                @Override
                public void retrying(Exchange exchange, String detail) {
                    recorded.add("retrying: " + detail);
                }

                @Override
                public void deadLettered(Exchange exchange, String reason, int attempts) {
                    recorded.add("dead-lettered after " + attempts + ": " + reason);
                }
            }));

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
    }

    @Test
    void aFirstFailureComesBackAsACopyDueAfterTheFirstDelay() {
        Exchange exchange = failed(new ErpUnavailableException("ERP answered HTTP 503"));

        assertThat(progress.shouldDeadLetter(exchange)).isFalse();
        progress.retryLater(exchange);

        assertThat(exchange.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(OrderRetries.FAILING_SINCE)).isEqualTo(NOW.toEpochMilli());
        assertThat(exchange.getMessage().getHeader(OrderRetries.SCHEDULED_DELIVERY)).isEqualTo(NOW.plusSeconds(1).toEpochMilli());
        assertThat(exchange.getMessage().getHeader(DocumentHeaders.DELIVERY_COUNT))
                .as("the copy is a new message; its delivery count starts again").isNull();
        assertThat(recorded).containsExactly(
                "retrying: attempt 1 failed: ErpUnavailableException: ERP answered HTTP 503; tried again in 1.0 s");
    }

    @Test
    void laterFailuresKeepTheirCountAndWaitLonger() {
        Exchange exchange = failed(new IllegalStateException("SFTP server gone"));
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 3);
        exchange.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minusSeconds(7).toEpochMilli());

        assertThat(progress.shouldDeadLetter(exchange)).isFalse();
        progress.retryLater(exchange);

        assertThat(exchange.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(4);
        assertThat(exchange.getMessage().getHeader(OrderRetries.FAILING_SINCE)).isEqualTo(NOW.minusSeconds(7).toEpochMilli());
        assertThat(exchange.getMessage().getHeader(OrderRetries.SCHEDULED_DELIVERY)).isEqualTo(NOW.plusSeconds(8).toEpochMilli());
    }

    @Test
    void aCallTheBreakerRefusedIsNoAttempt() {
        Exchange exchange = failed(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("erp")));
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 5);
        exchange.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minusSeconds(30).toEpochMilli());

        assertThat(progress.shouldDeadLetter(exchange)).as("even with one attempt left").isFalse();
        progress.retryLater(exchange);

        assertThat(exchange.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(5);
        assertThat(recorded).singleElement().asString().contains("circuit breaker refused the call; no attempt counted");
    }

    @Test
    void theLastAttemptGoesToTheDeadLetterQueueWithTheReasonHeaders() {
        Exchange exchange = failed(new ErpUnavailableException("ERP answered HTTP 503"));
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 5);
        exchange.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minusSeconds(31).toEpochMilli());
        exchange.getMessage().setHeader(OrderRetries.LAST_FAILURE, "ErpUnavailableException: ERP answered HTTP 503");

        assertThat(progress.shouldDeadLetter(exchange)).isTrue();
        progress.deadLettered(exchange);

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(DeadLetterHeaders.ERROR, "ErpUnavailableException: ERP answered HTTP 503")
                .containsEntry(DeadLetterHeaders.ERROR_CLASS, ErpUnavailableException.class.getName())
                .containsEntry(DeadLetterHeaders.FAILED_ROUTE, "outbound-webhook-callbacks")
                .containsEntry(DeadLetterHeaders.ATTEMPTS, 6)
                .containsEntry(DeadLetterHeaders.ORIGINAL_QUEUE, CALLBACKS)
                .containsKey(DeadLetterHeaders.DEAD_LETTERED_AT)
                .as("a replayed dead letter starts afresh").doesNotContainKeys(OrderRetries.ATTEMPTS_MADE,
                        OrderRetries.FAILING_SINCE, OrderRetries.LAST_FAILURE, OrderRetries.SCHEDULED_DELIVERY);
        assertThat(recorded).containsExactly("dead-lettered after 6: ErpUnavailableException: ERP answered HTTP 503");
    }

    @Test
    void redeliveriesAfterCrashesAreAttemptsToo() {
        Exchange exchange = failed(new ErpUnavailableException("timeout"));
        exchange.getMessage().setHeader(DocumentHeaders.DELIVERY_COUNT, 6);

        assertThat(progress.shouldDeadLetter(exchange)).as("the broker delivered it six times").isTrue();
        progress.deadLettered(exchange);

        assertThat(exchange.getMessage().getHeader(DeadLetterHeaders.ATTEMPTS)).isEqualTo(6);
    }

    @Test
    void aDocumentFailingForLongerThanItsMaximumAgeGoesToTheDeadLetterQueueWithAttemptsLeft() {
        Exchange exchange = failed(new ErpUnavailableException("ERP answered HTTP 502"));
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 2);
        exchange.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minus(Duration.ofMinutes(31)).toEpochMilli());
        exchange.getMessage().setHeader(OrderRetries.LAST_FAILURE, "ErpUnavailableException: ERP answered HTTP 502");

        assertThat(progress.shouldDeadLetter(exchange)).isTrue();
        progress.deadLettered(exchange);

        assertThat(exchange.getMessage().getHeader(DeadLetterHeaders.ERROR, String.class))
                .startsWith("still failing PT30M after its first failure (maximum age)");
        assertThat(exchange.getMessage().getHeader(DeadLetterHeaders.ATTEMPTS)).isEqualTo(3);
    }

    @Test
    void aFlowWithoutItsOwnRecordIsOnlyLogged() {
        Exchange exchange = failed(new ErpUnavailableException("ERP answered HTTP 503"));
        exchange.setVariable(DeliveryProgress.RETRY_QUEUE, "orders.inbound");

        assertThat(progress.shouldDeadLetter(exchange)).isFalse();
        progress.retryLater(exchange);

        assertThat(recorded).as("the callbacks' record is not the orders'").isEmpty();
        assertThat(exchange.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(1);
    }

    /** As the error handler hands it over: the original message, the failure caught, the flow's variables. */
    @Test
    void aDeliveryWaitingForItsRecordComesBackWithoutAnAttemptAndLaterForLonger() {
        Exchange first = failed(new NotYetException("order doc-1 has no EDI origin recorded yet"));

        assertThat(progress.shouldDeadLetter(first)).isFalse();
        progress.retryLater(first);

        assertThat(first.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(0);
        assertThat(first.getMessage().getHeader(OrderRetries.FAILING_SINCE)).isEqualTo(NOW.toEpochMilli());
        assertThat(first.getMessage().getHeader(OrderRetries.SCHEDULED_DELIVERY)).isEqualTo(NOW.plusSeconds(1).toEpochMilli());
        assertThat(recorded).containsExactly("retrying: waiting, no attempt counted: order doc-1 has no EDI origin"
                + " recorded yet; tried again in 1.0 s");

        Exchange later = failed(new NotYetException("order doc-1 has no EDI origin recorded yet"));
        later.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 0);
        later.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minusSeconds(12).toEpochMilli());
        later.getMessage().setHeader(DocumentHeaders.DELIVERY_COUNT, 1);
        assertThat(progress.shouldDeadLetter(later)).isFalse();
        progress.retryLater(later);

        assertThat(later.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE)).isEqualTo(0);
        assertThat(later.getMessage().getHeader(OrderRetries.SCHEDULED_DELIVERY)).isEqualTo(NOW.plusSeconds(12).toEpochMilli());
    }

    @Test
    void aDeliveryStillWaitingAfterTheMaximumAgeIsDeadLetteredWithWhatItWaitedFor() {
        Exchange exchange = failed(new NotYetException("order doc-1 has no EDI origin recorded yet"));
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, 0);
        exchange.getMessage().setHeader(OrderRetries.FAILING_SINCE, NOW.minus(Duration.ofMinutes(30)).toEpochMilli());

        assertThat(progress.shouldDeadLetter(exchange)).isTrue();
        progress.deadLettered(exchange);

        assertThat(exchange.getMessage().getHeader(DeadLetterHeaders.ERROR, String.class))
                .isEqualTo("still waiting PT30M after it began (maximum age): order doc-1 has no EDI origin recorded yet");
        assertThat(recorded).singleElement().asString().startsWith("dead-lettered after 0: still waiting PT30M");
    }

    private static Exchange failed(Exception failure) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setBody("{\"type\":\"interchange.order.accepted\"}");
        exchange.getMessage().setHeader(DocumentHeaders.DOCUMENT_ID, "doc-1");
        exchange.getMessage().setHeader(DocumentHeaders.BUSINESS_KEY, "webhook:shop:1042");
        exchange.getMessage().setHeader(DocumentHeaders.DELIVERY_COUNT, 1);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        exchange.setProperty(Exchange.FAILURE_ROUTE_ID, "outbound-webhook-callbacks");
        exchange.setVariable(DeliveryProgress.RETRY_QUEUE, CALLBACKS);
        exchange.setVariable(DeliveryProgress.DEAD_LETTER_QUEUE, CALLBACKS_DLQ);
        return exchange;
    }
}
