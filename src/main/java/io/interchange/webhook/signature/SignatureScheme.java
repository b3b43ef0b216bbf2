package io.interchange.webhook.signature;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A way platforms sign webhook bodies. Verifies an incoming delivery over its raw bytes against
 * every active secret (so a secret can be rotated), and signs outgoing callbacks the same way.
 */
public interface SignatureScheme {

    /** The name used in {@code webhooks.yaml}. */
    String name();

    /** The header that carries the signature, named in answers and logs. */
    String header();

    /**
     * @param body    the raw request bytes, exactly as received
     * @param headers looks up a request header by name (case-insensitive), null when absent
     */
    Verdict verify(byte[] body, UnaryOperator<String> headers, List<Secret> secrets, Instant now);

    /** The headers that sign {@code body} with {@code secret} at {@code now}. */
    Map<String, String> sign(byte[] body, Secret secret, Instant now);

    static SignatureScheme named(String name) {
        return switch (name) {
            case "shopify" -> new ShopifySignature();
            case "stripe" -> new StripeSignature(StripeSignature.DEFAULT_TOLERANCE);
            case "github" -> new GithubSignature();
            default -> throw new IllegalArgumentException(
                    "unknown signature scheme '" + name + "' (expected shopify, stripe or github)");
        };
    }
}
