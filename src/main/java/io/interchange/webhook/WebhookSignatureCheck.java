package io.interchange.webhook;

import java.time.Clock;

import io.interchange.webhook.settings.WebhookSource;
import io.interchange.webhook.signature.Verdict;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks the delivery's signature over the raw bytes with the source's scheme and active secrets,
 * before the body is parsed: a forged body is never parsed, mapped or stored. Missing, wrong or
 * stale signatures are all 401; the answer names the header, never anything about the secret.
 */
public class WebhookSignatureCheck implements Processor {

    private final Clock clock;

    public WebhookSignatureCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        WebhookSource source = WebhookExchange.source(exchange);
        byte[] raw = exchange.getProperty(WebhookExchange.RAW_BODY, byte[].class);
        Verdict verdict = source.scheme().verify(raw, WebhookExchange.headers(exchange), source.secrets(), clock.instant());
        String header = source.scheme().header();
        switch (verdict) {
            case VALID -> {
                return;
            }
            case MISSING -> throw WebhookRefusedException.unauthorized("missing-signature",
                    "The delivery has no readable " + header + " header.");
            case STALE -> throw WebhookRefusedException.unauthorized("stale-signature",
                    "The " + header + " timestamp is outside the accepted tolerance; a replayed delivery is refused.");
            default -> throw WebhookRefusedException.unauthorized("invalid-signature",
                    "The " + header + " signature does not match the body.");
        }
    }
}
