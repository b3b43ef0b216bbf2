package io.interchange.webhook.mapping;

/** A mapping file is missing or broken and no earlier version exists: our fault, the sender may retry. */
public class MappingUnavailableException extends RuntimeException {

    public MappingUnavailableException(String message) {
        super(message);
    }
}
