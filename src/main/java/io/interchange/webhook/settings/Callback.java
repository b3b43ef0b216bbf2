package io.interchange.webhook.settings;

import java.nio.file.Path;

/** Where a source wants order status back, and the mapping from a lifecycle event to its body. */
public record Callback(String url, Path mapping) {
}
