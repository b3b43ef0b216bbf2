package io.interchange.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The three signature schemes against values computed outside Java, with
 * {@code printf 'Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to Everybody"} and friends.
 */
class SignatureSchemesTest {

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final Secret SECRET = new Secret("It's a Secret to Everybody", "test");
    private static final Secret OLD_SECRET = new Secret("last year's secret", "test-old");
    private static final Secret STRIPE_SECRET = new Secret("whsec_test", "test");
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);
    private static final String STRIPE_V1 = "9b64b918f37ca5fb33099695075545cf7cfc0c5ce3cc3c477dd00e1d98be4a62";

    @Test
    void githubSignatureMatchesTheOpensslHexDigest() {
        GithubSignature github = new GithubSignature();
        UnaryOperator<String> headers = headers("X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

        assertThat(github.verify(BODY, headers, List.of(SECRET), T)).isEqualTo(Verdict.VALID);
        assertThat(github.sign(BODY, SECRET, T)).containsEntry("X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void shopifySignatureIsTheBase64Digest() {
        ShopifySignature shopify = new ShopifySignature();

        assertThat(shopify.verify(BODY, headers("X-Shopify-Hmac-Sha256", "dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc="),
                List.of(SECRET), T)).isEqualTo(Verdict.VALID);
        assertThat(shopify.sign(BODY, SECRET, T)).containsEntry("X-Shopify-Hmac-Sha256",
                "dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc=");
    }

    @Test
    void stripeSignatureCoversTimestampDotBody() {
        StripeSignature stripe = new StripeSignature(Duration.ofMinutes(5));
        String header = "t=1700000000,v1=" + STRIPE_V1;

        assertThat(stripe.verify(BODY, headers("Stripe-Signature", header), List.of(STRIPE_SECRET), T.plusSeconds(60)))
                .isEqualTo(Verdict.VALID);
        assertThat(stripe.sign(BODY, STRIPE_SECRET, T)).containsEntry("Stripe-Signature", header);
    }

    @Test
    void stripeAcceptsAnyOfSeveralV1SignaturesAndIgnoresOtherSchemes() {
        StripeSignature stripe = new StripeSignature(Duration.ofMinutes(5));
        String header = "t=1700000000,v0=abcdef,v1=" + "00".repeat(32) + ",v1=" + STRIPE_V1;

        assertThat(stripe.verify(BODY, headers("Stripe-Signature", header), List.of(STRIPE_SECRET), T))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void stripeTimestampOutsideTheToleranceIsStaleEvenWhenCorrectlySigned() {
        StripeSignature stripe = new StripeSignature(Duration.ofMinutes(5));
        UnaryOperator<String> headers = headers("Stripe-Signature", "t=1700000000,v1=" + STRIPE_V1);

        assertThat(stripe.verify(BODY, headers, List.of(STRIPE_SECRET), T.plusSeconds(301))).isEqualTo(Verdict.STALE);
        assertThat(stripe.verify(BODY, headers, List.of(STRIPE_SECRET), T.minusSeconds(301))).isEqualTo(Verdict.STALE);
        assertThat(stripe.verify(BODY, headers, List.of(STRIPE_SECRET), T.plusSeconds(299))).isEqualTo(Verdict.VALID);
    }

    @Test
    void stripeWithAForgedSignatureIsInvalidNotStale() {
        StripeSignature stripe = new StripeSignature(Duration.ofMinutes(5));
        UnaryOperator<String> headers = headers("Stripe-Signature", "t=1000,v1=" + STRIPE_V1);

        assertThat(stripe.verify(BODY, headers, List.of(STRIPE_SECRET), T)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void eitherOfTwoActiveSecretsVerifiesSoASecretCanBeRotated() {
        GithubSignature github = new GithubSignature();
        UnaryOperator<String> signedWithOld = headers(github.sign(BODY, OLD_SECRET, T));

        assertThat(github.verify(BODY, signedWithOld, List.of(SECRET, OLD_SECRET), T)).isEqualTo(Verdict.VALID);
        assertThat(github.verify(BODY, signedWithOld, List.of(SECRET), T)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aChangedBodyIsInvalidAndAnAbsentOrGarbledHeaderIsMissing() {
        ShopifySignature shopify = new ShopifySignature();
        UnaryOperator<String> signed = headers(shopify.sign(BODY, SECRET, T));
        byte[] tampered = "Hello, World?".getBytes(StandardCharsets.UTF_8);

        assertThat(shopify.verify(tampered, signed, List.of(SECRET), T)).isEqualTo(Verdict.INVALID);
        assertThat(shopify.verify(BODY, name -> null, List.of(SECRET), T)).isEqualTo(Verdict.MISSING);
        assertThat(shopify.verify(BODY, headers("X-Shopify-Hmac-Sha256", "%%%"), List.of(SECRET), T)).isEqualTo(Verdict.MISSING);
        assertThat(new GithubSignature().verify(BODY, headers("X-Hub-Signature-256", "sha1=abc"), List.of(SECRET), T))
                .isEqualTo(Verdict.MISSING);
        assertThat(new StripeSignature(Duration.ofMinutes(5)).verify(BODY, headers("Stripe-Signature", "v1=" + STRIPE_V1),
                List.of(STRIPE_SECRET), T)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void noActiveSecretVerifiesNothing() {
        assertThat(new GithubSignature().verify(BODY, headers(new GithubSignature().sign(BODY, SECRET, T)), List.of(), T))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void secretNeverShowsItsValue() {
        assertThat(SECRET.toString()).doesNotContain("Secret to Everybody").contains("test");
    }

    private static UnaryOperator<String> headers(String name, String value) {
        return headers(Map.of(name, value));
    }

    private static UnaryOperator<String> headers(Map<String, String> values) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(values);
        return caseInsensitive::get;
    }
}
