package io.interchange.processing;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.Exchange;

/**
 * Counts attempts of a message from the bus. Artemis numbers each delivery in
 * {@code JMSXDeliveryCount} (1 for the first) and keeps the count across rollbacks and restarts;
 * an order retried through a copy ({@link OrderRetries}) also carries the attempts made before it.
 */
public final class DeliveryAttempts {

    private DeliveryAttempts() {
    }

    /** The number of the attempt this delivery makes. */
    public static int current(Exchange exchange) {
        return exchange.getMessage().getHeader(OrderRetries.ATTEMPTS_MADE, 0, Integer.class)
                + exchange.getMessage().getHeader(DocumentHeaders.DELIVERY_COUNT, 1, Integer.class);
    }

    /** Deliveries of this message before the current one (each rolled back, e.g. by a crash). */
    static int redeliveries(Exchange exchange) {
        return Math.max(0, exchange.getMessage().getHeader(DocumentHeaders.DELIVERY_COUNT, 1, Integer.class) - 1);
    }
}
