package io.interchange.webhook.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.interchange.webhook.signature.Secret;
import io.interchange.webhook.signature.SignatureScheme;

/**
 * One platform allowed to POST to {@code /webhooks/{id}}, as declared in {@code webhooks.yaml}
 * with its secrets resolved. {@code secrets} holds the active ones, current first: callbacks are
 * signed with the first, deliveries may be signed with any.
 */
public record WebhookSource(
        String id,
        String system,
        SignatureScheme scheme,
        List<Secret> secrets,
        Locator deliveryId,
        Locator topic,
        long maxBodyBytes,
        RateLimit rateLimit,
        Map<String, TopicRoute> topics,
        Optional<Callback> callback) {

    public Optional<TopicRoute> route(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }
}
