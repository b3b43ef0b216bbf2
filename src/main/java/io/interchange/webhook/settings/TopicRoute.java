package io.interchange.webhook.settings;

import java.nio.file.Path;

/** What a topic becomes: a canonical document type ({@code order}, {@code cancellation}) and its mapping file. */
public record TopicRoute(String documentType, Path mapping) {
}
