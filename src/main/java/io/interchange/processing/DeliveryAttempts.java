package io.interchange.processing;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.Exchange;

/**
 * Counts deliveries of a message from the bus. Artemis numbers each delivery in
 * {@code JMSXDeliveryCount} (1 for the first) and keeps the count across rollbacks and restarts,
 * so the count is durable without any state of our own.
 */
public class DeliveryAttempts {

    private final int maxAttempts;

    public DeliveryAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public static int current(Exchange exchange) {
        return exchange.getMessage().getHeader(DocumentHeaders.DELIVERY_COUNT, 1, Integer.class);
    }

    /** True when this delivery is the last one allowed: a failure now goes to the dead-letter queue. */
    public boolean isLast(Exchange exchange) {
        return current(exchange) >= maxAttempts;
    }
}
