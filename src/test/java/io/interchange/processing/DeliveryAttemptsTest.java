package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which attempt a delivery from the bus makes, counting broker redeliveries and retry copies. */
class DeliveryAttemptsTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    @AfterAll
    static void close() {
        CONTEXT.stop();
    }

    @Test
    void aMessageWithoutCountsIsOnItsFirstAttempt() {
        Exchange first = delivery(null, null);

        assertThat(DeliveryAttempts.current(first)).isEqualTo(1);
        assertThat(DeliveryAttempts.redeliveries(first)).isZero();
    }

    @Test
    void brokerRedeliveriesCount() {
        Exchange third = delivery(3, null);

        assertThat(DeliveryAttempts.current(third)).isEqualTo(3);
        assertThat(DeliveryAttempts.redeliveries(third)).isEqualTo(2);
    }

    @Test
    void aRetryCopyCarriesTheAttemptsMadeBeforeIt() {
        Exchange copy = delivery(1, 1);

        assertThat(DeliveryAttempts.current(copy)).isEqualTo(2);
        assertThat(DeliveryAttempts.redeliveries(copy)).isZero();
        assertThat(DeliveryAttempts.current(delivery(2, 1))).isEqualTo(3);
        assertThat(DeliveryAttempts.current(delivery(1, 5))).isEqualTo(6);
    }

    private static Exchange delivery(Integer deliveryCount, Integer attemptsMade) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(DocumentHeaders.DELIVERY_COUNT, deliveryCount);
        exchange.getMessage().setHeader(OrderRetries.ATTEMPTS_MADE, attemptsMade);
        return exchange;
    }
}
