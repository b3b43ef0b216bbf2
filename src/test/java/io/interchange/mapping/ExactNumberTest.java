package io.interchange.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.model.CanonicalJson;
import org.junit.jupiter.api.Test;

/** number() in mappings is exact, and the ERP mapping passes amounts through digit for digit. */
class ExactNumberTest {

    private final Expression number = Parser.compileString("number(.)", MappingFunctions.all());

    @Test
    void decimalStringsKeepEveryDigit() {
        assertThat(number("12.10")).hasToString("12.10");
        assertThat(number("123456789.123456")).hasToString("123456789.123456");
        assertThat(number("0.30000000000000004")).hasToString("0.30000000000000004");
        assertThat(number("12.10").isBigDecimal()).isTrue();
    }

    @Test
    void integersStayIntegersAndLeadingZerosAreAcceptedAsJsltDoes() {
        assertThat(number("0010")).hasToString("10");
        assertThat(number("0010").isIntegralNumber()).isTrue();
        assertThat(number("123456789012345678901234567890")).hasToString("123456789012345678901234567890");
    }

    @Test
    void hugeExponentsStayFiniteForTheSchemaToRefuse() {
        assertThat(number("1e400").decimalValue()).isEqualByComparingTo("1e400");
        assertThatThrownBy(() -> number("1e99999999999")).isInstanceOf(JsltException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> number("1e99999999")).isInstanceOf(JsltException.class).hasMessageContaining("out of range");
    }

    @Test
    void nonNumbersFailOrFallBackAsJsltsOwnNumberDoes() {
        assertThatThrownBy(() -> number(" 12")).isInstanceOf(JsltException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> number("NaN")).isInstanceOf(JsltException.class);
        Expression withFallback = Parser.compileString("number(., 7)", MappingFunctions.all());
        assertThat(withFallback.apply(TextNode.valueOf("x")).asInt()).isEqualTo(7);
        assertThat(number.apply(CanonicalJson.mapper().nullNode()).isNull()).isTrue();
    }

    @Test
    void erpMappingCarriesPricesAndQuantitiesExactly() throws Exception {
        Expression salesOrder = Parser.compileString(
                Files.readString(Path.of("mappings/erp/sales-order.jslt"), StandardCharsets.UTF_8), MappingFunctions.all());
        JsonNode order = CanonicalJson.mapper().readTree("""
                {"source": {"channel": "rest", "partnerId": "webshop"},
                 "header": {"externalOrderNumber": "X-1", "orderDate": "2026-11-20", "currency": "USD"},
                 "parties": [{"role": "buyer", "id": "C-1"}],
                 "lines": [{"lineNumber": 1, "sku": "WIDGET-RED", "quantity": 123456789.123456, "unitOfMeasure": "EA",
                            "unitPrice": 19.99},
                           {"lineNumber": 2, "sku": "WIDGET-RED", "quantity": 1, "unitOfMeasure": "EA", "unitPrice": 12.10}]}""");

        // as the jslt component runs it: the message headers as $headers (none needed here)
        String body = salesOrder.apply(Map.of("headers", CanonicalJson.mapper().createObjectNode()), order).toString();

        assertThat(body).contains("\"quantity\":123456789.123456", "\"price\":19.99", "\"price\":12.10");
    }

    private JsonNode number(String text) {
        return number.apply(TextNode.valueOf(text));
    }
}
