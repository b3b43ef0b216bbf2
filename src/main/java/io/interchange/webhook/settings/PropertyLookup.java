package io.interchange.webhook.settings;

import java.util.Optional;

/**
 * The runtime's properties as the webhook settings see them: Camel properties, which take
 * environment variables, system properties and overrides into account.
 */
public interface PropertyLookup {

    /** The value of {@code key} (e.g. an environment variable name), empty when unset or blank. */
    Optional<String> property(String key);

    /** {@code text} with its {@code {{placeholders}}} replaced. */
    String resolve(String text);
}
