package io.interchange.processing;

import java.util.Map;

import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.outbound.OrderResponseRecord;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.DocumentTracker;
import io.interchange.webhook.WebhookMetrics;
import io.interchange.webhook.callback.CallbackRecord;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The bean of the one failure policy ({@code routes/processing/retry-then-dead-letter.camel.yaml}):
 * {@code deliveryProgress}, with what each flow records about a failure, by the queue it consumes.
 */
public class DeliveryPolicyConfiguration implements CamelConfiguration {

    @BindToRegistry("deliveryProgress")
    public DeliveryProgress deliveryProgress(OrderRetries orderRetries, DocumentTracker documentTracker,
            DocumentMetrics documentMetrics, EdiTracking ediTracking, WebhookMetrics webhookMetrics,
            @PropertyInject("interchange.queue.orders") String ordersQueue,
            @PropertyInject("interchange.queue.cancellations") String cancellationsQueue,
            @PropertyInject("interchange.edi.queue.order-responses") String orderResponsesQueue,
            @PropertyInject("interchange.queue.callbacks") String callbacksQueue) {
        DeliveryRecord documents = new DocumentDeliveryRecord(documentTracker, documentMetrics);
        return new DeliveryProgress(orderRetries, Map.of(
                ordersQueue, documents,
                cancellationsQueue, documents,
                orderResponsesQueue, new OrderResponseRecord(ediTracking),
                callbacksQueue, new CallbackRecord(webhookMetrics)));
    }

    /**
     * Made now, at start-up: bound lazily (FlowWiring), it would otherwise be made at the first failure,
     * changing the registry while a health check iterates it (a ConcurrentModificationException that
     * answered /observe/health/ready with 500 while the ERP was down).
     */
    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("deliveryProgress", DeliveryProgress.class);
    }
}
