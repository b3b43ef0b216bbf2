package io.interchange.broker;

import java.time.Instant;
import java.util.Set;

import io.interchange.processing.DeadLetterHeaders;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.RoutingContext;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;

/**
 * Gives the dead letters the broker moves on its own the same reason headers as those Interchange
 * moves. Interchange dead-letters a message itself after its last attempt; the broker's limit is one
 * delivery higher and only catches a message whose last attempts never reached that step (the
 * process stopped mid-attempt, or the error handling failed). Such a copy arrives at a dead-letter
 * queue without {@link DeadLetterHeaders#ERROR}; it gets the reason, the attempts and its original
 * queue here, before the broker stores it, so it can be listed and replayed like any other.
 */
final class BrokerDeadLetterReasons implements ActiveMQServerMessagePlugin {

    /** {@link DeadLetterHeaders#ERROR_CLASS} of such a dead letter: no exception of ours caused it. */
    static final String BROKER_LIMIT = "broker:max-delivery-attempts";

    private final Set<String> deadLetterQueues;
    private final int brokerAttempts;

    /**
     * @param brokerAttempts the deliveries after which the broker dead-letters (its
     *                       {@code max-delivery-attempts})
     */
    BrokerDeadLetterReasons(Set<String> deadLetterQueues, int brokerAttempts) {
        this.deadLetterQueues = deadLetterQueues;
        this.brokerAttempts = brokerAttempts;
    }

    @Override
    public void beforeMessageRoute(Message message, RoutingContext context, boolean direct, boolean rejectDuplicates) {
        // only the broker's own moves carry the original address; a client's send to a DLQ does not
        if (!deadLetterQueues.contains(message.getAddress()) || message.containsProperty(DeadLetterHeaders.ERROR)
                || !message.containsProperty(Message.HDR_ORIGINAL_ADDRESS)) {
            return;
        }
        String originalQueue = message.containsProperty(Message.HDR_ORIGINAL_QUEUE)
                ? message.getStringProperty(Message.HDR_ORIGINAL_QUEUE)
                : message.getStringProperty(Message.HDR_ORIGINAL_ADDRESS);
        message.putStringProperty(DeadLetterHeaders.ERROR, "moved by the broker after " + brokerAttempts
                + " delivery attempts that ended without Interchange's dead-letter step (the process stopped"
                + " or its error handling failed mid-attempt); see the log of that time");
        message.putStringProperty(DeadLetterHeaders.ERROR_CLASS, BROKER_LIMIT);
        message.putStringProperty(DeadLetterHeaders.FAILED_ROUTE, "broker");
        message.putIntProperty(DeadLetterHeaders.ATTEMPTS, brokerAttempts);
        message.putStringProperty(DeadLetterHeaders.DEAD_LETTERED_AT, Instant.now().toString());
        message.putStringProperty(DeadLetterHeaders.ORIGINAL_QUEUE, originalQueue);
    }
}
