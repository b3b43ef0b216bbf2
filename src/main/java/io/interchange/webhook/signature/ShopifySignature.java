package io.interchange.webhook.signature;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Shopify style: {@code X-Shopify-Hmac-Sha256: base64(HMAC-SHA256(secret, body))}. No timestamp. */
public final class ShopifySignature implements SignatureScheme {

    static final String HEADER = "X-Shopify-Hmac-Sha256";

    @Override
    public String name() {
        return "shopify";
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public Verdict verify(byte[] body, UnaryOperator<String> headers, List<Secret> secrets, Instant now) {
        String value = headers.apply(HEADER);
        byte[] given;
        try {
            given = value == null ? null : Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException notBase64) {
            given = null;
        }
        if (given == null || given.length == 0) {
            return Verdict.MISSING;
        }
        for (Secret secret : secrets) {
            if (HmacSha256.matches(HmacSha256.of(secret, body), given)) {
                return Verdict.VALID;
            }
        }
        return Verdict.INVALID;
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret, Instant now) {
        return Map.of(HEADER, Base64.getEncoder().encodeToString(HmacSha256.of(secret, body)));
    }
}
