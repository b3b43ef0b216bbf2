package io.interchange.webhook.callback;

import io.interchange.webhook.WebhookMetrics;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the platform's answer to a callback: any 2xx is delivered; anything else is a
 * {@link CallbackFailedException}, retried by the broker with backoff. Platforms answer 4xx for
 * things they may fix later (a rotated secret, an endpoint not yet deployed), so no status is
 * final: the dead-letter queue is where a callback that never gets through ends.
 */
public class WebhookCallbackAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookCallbackAnswer.class);
    private static final int MAX_BODY = 300;

    private final WebhookMetrics metrics;

    public WebhookCallbackAnswer(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    public void check(Exchange exchange) throws CallbackFailedException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String url = exchange.getProperty(WebhookCallbackRequest.URL, String.class);
        if (status < 200 || status >= 300) {
            String body = exchange.getMessage().getBody(String.class);
            body = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "..." : body;
            throw new CallbackFailedException("callback to " + url + " answered HTTP " + status + ": " + body);
        }
        String source = exchange.getProperty(WebhookCallbackRequest.SOURCE, String.class);
        metrics.callback(source, "delivered");
        LOG.info("Callback {} delivered to '{}' at {} (HTTP {})",
                exchange.getProperty(WebhookCallbackRequest.ID, String.class), source, url, status);
    }
}
