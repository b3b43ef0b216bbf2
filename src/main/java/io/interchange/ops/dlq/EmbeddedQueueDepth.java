package io.interchange.ops.dlq;

import io.interchange.broker.EmbeddedBroker;
import org.apache.activemq.artemis.core.server.Queue;

/** Queue depth straight from the embedded broker's queues: no round trip, cheap enough for every scrape. */
public class EmbeddedQueueDepth implements QueueDepth {

    private final EmbeddedBroker broker;

    public EmbeddedQueueDepth(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public long messages(String queue) {
        if (!broker.isActive()) {
            return -1;
        }
        Queue found = broker.server().locateQueue(queue);
        return found == null ? -1 : found.getMessageCount();
    }
}
