package io.interchange.webhook;

import io.interchange.tracking.Admission;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Puts a mapped delivery on the bus with the admission of its document type (orders to the orders
 * queue, cancellations to theirs), durably, before the sender gets its answer; counts it.
 */
public class WebhookAdmission implements Processor {

    private final Processor orders;
    private final Processor cancellations;
    private final WebhookMetrics metrics;

    public WebhookAdmission(Processor orders, Processor cancellations, WebhookMetrics metrics) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String document = exchange.getProperty(WebhookExchange.DOCUMENT, String.class);
        switch (document) {
            case "order" -> orders.process(exchange);
            case "cancellation" -> cancellations.process(exchange);
            default -> throw new IllegalStateException("No admission for document type " + document);
        }
        Admission admission = exchange.getMessage().getMandatoryBody(Admission.class);
        // a new delivery id for a document already known (the platform re-sent the event) changes nothing either
        metrics.delivery(WebhookExchange.sourceId(exchange), admission.duplicate() ? "duplicate" : "accepted");
    }
}
