package io.interchange.webhook;

import io.interchange.ops.intake.IntakePressure;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of a delivery: which source is it for (404 when undeclared), do ops let it in (503 with
 * Retry-After while its intake is suspended), does the bus take more (503 with Retry-After while it
 * is too deep), is the source within its rate limit (429 with
 * Retry-After) and its body size limit (413). Nothing is parsed yet.
 */
public class WebhookGate implements Processor {

    private static final String PREFIX = "/webhooks/";

    private final WebhookSources sources;
    private final WebhookIntakeChannels intakes;
    private final WebhookMetrics metrics;
    private final IntakePressure pressure;

    public WebhookGate(WebhookSources sources, WebhookIntakeChannels intakes, WebhookMetrics metrics,
            IntakePressure pressure) {
        this.sources = sources;
        this.intakes = intakes;
        this.metrics = metrics;
        this.pressure = pressure;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String id = sourceId(exchange);
        WebhookSources.Live source = sources.find(id).orElseThrow(() -> WebhookRefusedException.of(404,
                "unknown-webhook-source", "Unknown Webhook Source", "No webhook source named '" + id + "'."));
        exchange.setProperty(WebhookExchange.SOURCE, source.settings());
        metrics.delivery(id, "received");
        // before the rate limiter: a refused delivery must not use up the source's permits
        intakes.admit(id);
        pressure.admit();                  // 503 + Retry-After while the bus is too deep
        if (!source.rateLimiter().acquirePermission()) {
            long seconds = Math.max(1, (long) Math.ceil(source.settings().rateLimit().period().toMillis() / 1000.0));
            throw WebhookRefusedException.rateLimited(id, seconds);
        }
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        raw = raw == null ? new byte[0] : raw;
        if (raw.length > source.settings().maxBodyBytes()) {
            throw WebhookRefusedException.of(413, "payload-too-large", "Payload Too Large", "The body has " + raw.length
                    + " bytes; source '" + id + "' accepts at most " + source.settings().maxBodyBytes() + ".");
        }
        exchange.setProperty(WebhookExchange.RAW_BODY, raw);
        // later steps read the body again; a stream would be empty by then
        exchange.getMessage().setBody(raw);
    }

    /**
     * The source named in the path. Read from the path itself, not from the {@code source} path
     * parameter header, which a request header of the same name could shadow.
     */
    private static String sourceId(Exchange exchange) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        int at = path.lastIndexOf(PREFIX);
        String id = at < 0 ? path : path.substring(at + PREFIX.length());
        return id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    }
}
