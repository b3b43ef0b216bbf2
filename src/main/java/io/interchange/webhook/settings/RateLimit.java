package io.interchange.webhook.settings;

import java.time.Duration;

/** At most {@code requests} deliveries per {@code period} from one source. */
public record RateLimit(int requests, Duration period) {
}
