package io.interchange.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Stripe style: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]} where each v1 is
 * HMAC-SHA256 of {@code t + "." + body}. Several v1 values appear while Stripe rotates a secret;
 * any one matching an active secret is enough. A timestamp further than the tolerance from now
 * (either way) is refused even when correctly signed, so a captured delivery cannot be replayed.
 */
public final class StripeSignature implements SignatureScheme {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    static final String HEADER = "Stripe-Signature";

    private final Duration tolerance;

    public StripeSignature(Duration tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public Verdict verify(byte[] body, UnaryOperator<String> headers, List<Secret> secrets, Instant now) {
        String value = headers.apply(HEADER);
        if (value == null) {
            return Verdict.MISSING;
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : value.split(",")) {
            String[] pair = element.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair[0].equals("v1")) {
                byte[] signature = Hex.decode(pair[1]);
                if (signature != null) {
                    signatures.add(signature);
                }
            }
        }
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}") || signatures.isEmpty()) {
            return Verdict.MISSING;
        }
        byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (Secret secret : secrets) {
            byte[] expected = HmacSha256.of(secret, signedPrefix, body);
            for (byte[] given : signatures) {
                matched |= HmacSha256.matches(expected, given);
            }
        }
        if (!matched) {
            return Verdict.INVALID;
        }
        // checked only once the signature holds: an unsigned timestamp proves nothing either way
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs();
        return age.compareTo(tolerance) > 0 ? Verdict.STALE : Verdict.VALID;
    }

    @Override
    public Map<String, String> sign(byte[] body, Secret secret, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] mac = HmacSha256.of(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
        return Map.of(HEADER, "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac));
    }
}
