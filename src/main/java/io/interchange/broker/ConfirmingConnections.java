package io.interchange.broker;

import jakarta.jms.ConnectionFactory;

/**
 * Pooled connections to the bus whose asynchronous sends the broker confirms once durable (a JMS 2.0
 * {@code CompletionListener} is called then). A type of its own so that the {@code jms} component's
 * factory stays the only {@code ConnectionFactory} bean found by type.
 */
public record ConfirmingConnections(ConnectionFactory factory) {
}
