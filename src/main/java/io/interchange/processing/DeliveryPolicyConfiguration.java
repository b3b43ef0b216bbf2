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
import org.apache.camel.PropertyInject;

/**
 * The bean of the one failure policy ({@code routes/processing/retry-then-dead-letter.camel.yaml}):
 * {@code deliveryProgress}, with what each flow records about a failure, by the queue it consumes.
 * Lazy: it is made when the first route needs it, once every flow's own beans are bound.
 */
public class DeliveryPolicyConfiguration implements CamelConfiguration {

    @BindToRegistry(value = "deliveryProgress", lazy = true)
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
}
