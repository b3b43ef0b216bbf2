package io.interchange.processing;

import java.util.Map;

import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.outbound.OrderResponseRecord;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.DocumentTracker;
import io.interchange.webhook.WebhookMetrics;
import io.interchange.webhook.callback.CallbackRecord;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The bean of the one failure policy ({@code routes/processing/retry-then-dead-letter.camel.yaml}):
 * {@code deliveryProgress}, with what each flow records about a failure, by the queue it consumes.
 * Bound in {@link #configure}, after the flows' configurations bound what it needs: a lazy
 * {@code @BindToRegistry} bean would be made at the first failure, changing the registry while the
 * health checks read it.
 */
public class DeliveryPolicyConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.queue.cancellations")
    private String cancellationsQueue;
    @PropertyInject("interchange.edi.queue.order-responses")
    private String orderResponsesQueue;
    @PropertyInject("interchange.queue.callbacks")
    private String callbacksQueue;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        DeliveryRecord documents = new DocumentDeliveryRecord(
                registry.lookupByNameAndType("documentTracker", DocumentTracker.class),
                registry.lookupByNameAndType("documentMetrics", DocumentMetrics.class));
        registry.bind("deliveryProgress", new DeliveryProgress(
                registry.lookupByNameAndType("orderRetries", OrderRetries.class), Map.of(
                        ordersQueue, documents,
                        cancellationsQueue, documents,
                        orderResponsesQueue, new OrderResponseRecord(registry.lookupByNameAndType("ediTracking", EdiTracking.class)),
                        callbacksQueue, new CallbackRecord(registry.lookupByNameAndType("webhookMetrics", WebhookMetrics.class)))));
    }
}
