package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which attempt a delivery from the bus makes, and whether a failure now dead-letters it. */
class DeliveryAttemptsTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final DeliveryAttempts attempts = new DeliveryAttempts(3);

    @AfterAll
    static void close() {
        CONTEXT.stop();
    }

    @Test
    void aMessageWithoutCountsIsOnItsFirstAttempt() {
        Exchange first = delivery(null, null);

        assertThat(DeliveryAttempts.current(first)).isEqualTo(1);
        assertThat(DeliveryAttempts.redeliveries(first)).isZero();
        assertThat(attempts.isLast(first)).isFalse();
    }

    @Test
    void brokerRedeliveriesCount() {
        Exchange third = delivery(3, null);

        assertThat(DeliveryAttempts.current(third)).isEqualTo(3);
        assertThat(DeliveryAttempts.redeliveries(third)).isEqualTo(2);
        assertThat(attempts.isLast(third)).isTrue();
    }

    @Test
    void aRetryCopyCarriesTheAttemptsMadeBeforeIt() {
        Exchange copy = delivery(1, 1);

        assertThat(DeliveryAttempts.current(copy)).isEqualTo(2);
        assertThat(DeliveryAttempts.redeliveries(copy)).isZero();
        assertThat(attempts.isLast(copy)).isFalse();
        assertThat(attempts.isLast(delivery(2, 1))).isTrue();
        assertThat(attempts.isLast(delivery(1, 5))).isTrue();
    }

    private static Exchange delivery(Integer deliveryCount, Integer attemptsMade) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(DocumentHeaders.DELIVERY_COUNT, deliveryCount);
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, attemptsMade);
        return exchange;
    }
}
