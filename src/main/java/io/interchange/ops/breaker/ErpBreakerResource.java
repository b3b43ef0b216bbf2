package io.interchange.ops.breaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminResponse;
import io.interchange.ops.dlq.QueueDepth;
import org.apache.camel.Exchange;

/** {@code GET /admin/v1/erp-breaker}: breaker state, since when, paused consumers and queue depth. */
public class ErpBreakerResource {

    private final ErpBackoff backoff;
    private final QueueDepth depth;
    private final String queue;

    public ErpBreakerResource(ErpBackoff backoff, QueueDepth depth, String queue) {
        this.backoff = backoff;
        this.depth = depth;
        this.queue = queue;
    }

    public void show(Exchange exchange) {
        ObjectNode answer = CanonicalJson.mapper().valueToTree(backoff.details());
        answer.put("queue", queue).put("queueDepth", depth.messages(queue));
        AdminResponse.ok(exchange, answer);
    }
}
