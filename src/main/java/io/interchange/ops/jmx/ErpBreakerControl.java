package io.interchange.ops.jmx;

import io.interchange.ops.breaker.ErpBackoff;
import io.interchange.ops.dlq.QueueDepth;

/** The ERP breaker's state over JMX. */
public class ErpBreakerControl implements ErpBreakerMBean {

    private final ErpBackoff backoff;
    private final QueueDepth depth;
    private final String queue;

    public ErpBreakerControl(ErpBackoff backoff, QueueDepth depth, String queue) {
        this.backoff = backoff;
        this.depth = depth;
        this.queue = queue;
    }

    @Override
    public String getState() {
        return backoff.state().name();
    }

    @Override
    public String getSince() {
        return backoff.since().toString();
    }

    @Override
    public boolean isConsumerPaused() {
        return backoff.isPaused();
    }

    @Override
    public int getHeldExchanges() {
        return backoff.heldExchanges();
    }

    @Override
    public long getQueueDepth() {
        return depth.messages(queue);
    }
}
