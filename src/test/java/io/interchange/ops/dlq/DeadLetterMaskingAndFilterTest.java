package io.interchange.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeadLetterMaskingAndFilterTest {

    private final PersonalDataMask mask = new PersonalDataMask("name,email,phone,address");

    @Test
    void personalFieldsAreMaskedAtAnyDepthAndBusinessFieldsStay() {
        String order = """
                {"header":{"externalOrderNumber":"PO-1"},
                 "parties":[{"role":"buyer","id":"C-42","name":"Ada Lovelace","email":"ada@example.com",
                             "address":{"lines":["12 St James's Square"],"city":"London","postalCode":"SW1Y 4JH"}}],
                 "lines":[{"sku":"WIDGET-RED","quantity":2}]}""";

        String masked = mask.mask(order);

        assertThat(masked).doesNotContain("Ada", "ada@example.com", "St James", "London", "SW1Y")
                .contains("\"name\":\"***\"", "\"city\":\"***\"", "PO-1", "C-42", "WIDGET-RED", "\"role\":\"buyer\"");
    }

    @Test
    void aPayloadThatIsNotJsonIsWithheld() {
        assertThat(mask.mask("ISA*00*          *00*...")).isNull();
        assertThat(mask.mask(null)).isNull();
        assertThat(mask.mask("\"just a string\"")).isNull();
    }

    @Test
    void filterEscapesQuotesInItsSelectorAndMatchesErrorClassByFullOrSimpleName() {
        DeadLetterFilter filter = new DeadLetterFilter(null, "o'brien", null, "ErpUnavailableException", null,
                Instant.parse("2026-11-20T00:00:00Z"), null);
        DeadLetter matching = letter("io.interchange.erp.ErpUnavailableException", "2026-11-19T10:00:00Z");

        assertThat(filter.selector()).isEqualTo("partnerId = 'o''brien'");
        assertThat(filter.matches(matching)).isTrue();
        assertThat(filter.matches(letter("io.interchange.erp.ErpRejectedException", "2026-11-19T10:00:00Z"))).isFalse();
        assertThat(filter.matches(letter("io.interchange.erp.ErpUnavailableException", "2026-11-21T10:00:00Z"))).isFalse();
        assertThat(DeadLetterFilter.none().selector()).isNull();
        assertThat(DeadLetterFilter.none().isEmpty()).isTrue();
    }

    private static DeadLetter letter(String errorClass, String at) {
        return new DeadLetter("id", "orders.dlq", "doc", "corr", "rest:p:1", "rest", "p", "order", "reason", errorClass,
                "process-orders", 3, "orders.inbound", Instant.parse(at), null, 0, java.util.Map.of(), "{}");
    }
}
