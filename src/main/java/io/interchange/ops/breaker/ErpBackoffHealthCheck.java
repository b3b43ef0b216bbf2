package io.interchange.ops.breaker;

import java.util.Map;

import io.interchange.ops.dlq.QueueDepth;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The ERP consumer's self-healing in the health details: breaker state and since when, which consumer
 * routes are paused, and how many orders wait on the queue meanwhile. Always UP: intake keeps taking
 * orders while the ERP is away, so this instance must stay in the load balancer.
 */
public class ErpBackoffHealthCheck extends AbstractHealthCheck {

    private final ErpBackoff backoff;
    private final QueueDepth depth;
    private final String queue;

    public ErpBackoffHealthCheck(ErpBackoff backoff, QueueDepth depth, String queue) {
        super("interchange", "erp-consumer");
        this.backoff = backoff;
        this.depth = depth;
        this.queue = queue;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        backoff.details().forEach((name, value) -> builder.detail(name, String.valueOf(value)));
        builder.detail("queue", queue);
        builder.detail("queueDepth", depth.messages(queue));
    }
}
