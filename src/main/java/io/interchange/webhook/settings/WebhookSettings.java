package io.interchange.webhook.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code webhooks.yaml} declares, as loaded at one moment. {@code watchedFiles} are the
 * files it was built from (the YAML and any secret files); a change to one of them means reload.
 */
public record WebhookSettings(Map<String, WebhookSource> sources, List<Path> watchedFiles, List<String> warnings) {

    public Optional<WebhookSource> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }
}
