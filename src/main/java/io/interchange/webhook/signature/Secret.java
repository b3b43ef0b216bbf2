package io.interchange.webhook.signature;

import java.nio.charset.StandardCharsets;

/**
 * A shared webhook secret. Holds the key bytes only; {@link #toString()} never shows them, so a
 * secret that ends up in a log line or an exception message by accident shows as a mask.
 */
public final class Secret {

    private final byte[] key;
    private final String origin;

    /** @param origin where the secret came from (an environment variable or file name), for logs */
    public Secret(String value, String origin) {
        this.key = value.getBytes(StandardCharsets.UTF_8);
        this.origin = origin;
    }

    byte[] key() {
        return key.clone();
    }

    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "Secret[" + origin + ", ****]";
    }
}
