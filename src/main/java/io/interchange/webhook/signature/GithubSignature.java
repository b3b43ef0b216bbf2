package io.interchange.webhook.signature;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** GitHub style: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>}. No timestamp. */
public final class GithubSignature implements SignatureScheme {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    @Override
    public String name() {
        return "github";
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public Verdict verify(byte[] body, UnaryOperator<String> headers, List<Secret> secrets, Instant now) {
        String value = headers.apply(HEADER);
        if (value == null || !value.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Verdict.MISSING;
        }
        byte[] given = Hex.decode(value.trim().substring(PREFIX.length()));
        if (given == null) {
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
        return Map.of(HEADER, PREFIX + HexFormat.of().formatHex(HmacSha256.of(secret, body)));
    }
}
