package io.interchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** How the one JSON reader of the HTTP intakes names what is wrong with a body. */
class JsonRequestReaderTest {

    @Test
    void duplicateKeyIsRefusedNamingTheKeyAndWhereItIs() {
        Problem problem = refused("{\"header\": {\"currency\": \"USD\", \"notes\": \"x\", \"currency\": \"EUR\"}}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).endsWith("/duplicate-key");
        assertThat(problem.detail()).contains("'currency'", "/header", "line 1, column");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/header/currency");
            assertThat(error.message()).contains("duplicate key 'currency'");
        });
    }

    @Test
    void duplicateKeyInsideAnArrayElementIsPointedAt() {
        Problem problem = refused("{\"lines\": [{\"sku\": \"A\"}, {\"sku\": \"B\", \"sku\": \"C\"}]}");

        assertThat(problem.type()).endsWith("/duplicate-key");
        assertThat(problem.errors().get(0).pointer()).isEqualTo("/lines/1/sku");
    }

    @Test
    void garbageAfterTheDocumentIsTrailingContent() {
        Problem problem = refused("{\"a\": 1} x");

        assertThat(problem.type()).endsWith("/trailing-content");
        assertThat(problem.detail()).contains("line 1, column", "exactly one document");
        assertThat(problem.errors().get(0).pointer()).isEqualTo("/");
    }

    @Test
    void twoDocumentsBackToBackAreTrailingContent() {
        Problem problem = refused("{\"a\": 1}\n{\"a\": 2}");

        assertThat(problem.type()).endsWith("/trailing-content");
        assertThat(problem.detail()).contains("line 2");
    }

    @Test
    void aStrayClosingBracketAfterTheDocumentIsTrailingContent() {
        assertThat(refused("{\"a\": [1]}]").type()).endsWith("/trailing-content");
    }

    @Test
    void whiteSpaceAfterTheDocumentIsFine() {
        assertThat(JsonRequestReader.object(bytes("{\"a\": 1}\r\n\t ")).path("a").asInt()).isEqualTo(1);
    }

    @Test
    void brokenDocumentIsMalformedWithThePointerWhereItBroke() {
        Problem problem = refused("{\"source\": {\"partnerId\": \"webshop\",}");

        assertThat(problem.type()).endsWith("/malformed-json");
        assertThat(problem.detail()).contains("line 1, column");
        assertThat(problem.errors().get(0).pointer()).isEqualTo("/source/partnerId");
    }

    @Test
    void notAnObjectIsRefused() {
        assertThat(refused("[1, 2]").detail()).contains("must be a JSON object, not array");
        assertThat(refused("   ").detail()).contains("no JSON document");
        assertThat(refused("not json").type()).endsWith("/malformed-json");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Problem problem = refused(body);

        assertThat(problem.type()).endsWith("/malformed-json");
        assertThat(problem.detail()).containsIgnoringCase("UTF-8");
    }

    @Test
    void absurdNestingIsMalformedNotAStackOverflow() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

        Problem problem = refused(deep);

        assertThat(problem.type()).endsWith("/malformed-json");
        assertThat(problem.detail()).contains("nesting depth");
    }

    @Test
    void exponentBeyondBigDecimalIsMalformedNotAnError() {
        Problem problem = refused("{\"parties\": [1e9999999999]}");

        assertThat(problem.type()).endsWith("/malformed-json");
        assertThat(problem.detail()).contains("out of any range", "1e9999999999");
    }

    @Test
    void exponentNoDocumentMeansIsRefusedWhileReading() {
        Problem problem = refused("{\"lines\": [{\"quantity\": 1e99999999}]}");

        assertThat(problem.type()).endsWith("/malformed-json");
        assertThat(problem.detail()).contains("exponent beyond");
        assertThat(JsonRequestReader.object(bytes("{\"q\": 1e1000}")).path("q").decimalValue()).isEqualByComparingTo("1e1000");
    }

    @Test
    void overlongNumberIsMalformed() {
        assertThat(refused("{\"q\": " + "9".repeat(2_000) + "}").detail()).contains("Number value length");
    }

    @Test
    void decimalsAreReadExactlyAsWritten() {
        JsonNode body = JsonRequestReader.object(bytes("{\"p\": 12.10, \"q\": 123456789.123456, \"h\": 1e400, \"t\": 50.00}"));

        assertThat(body.path("p").decimalValue()).hasToString("12.10");
        assertThat(body.path("q").decimalValue()).hasToString("123456789.123456");
        assertThat(body.path("h").decimalValue().toString()).isEqualTo("1E+400");
        assertThat(body.path("t").toString()).isEqualTo("50.00");
    }

    private static Problem refused(String body) {
        return refused(bytes(body));
    }

    private static Problem refused(byte[] body) {
        return catchThrowableOfType(ProblemException.class, () -> JsonRequestReader.object(body)).problem();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
