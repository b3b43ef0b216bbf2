package io.interchange.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.api.JsonRequestReader;
import io.interchange.support.Orders;
import org.junit.jupiter.api.Test;

/** The bounds of every number in mappings/canonical/order.schema.json, and how a breach is named. */
class OrderSchemaBoundsTest {

    private final CanonicalSchemas schemas = new CanonicalSchemas(Path.of("mappings/canonical"));

    @Test
    void hugeQuantityIsNamedWithItsBounds() {
        assertThat(violations("\"quantity\": 1e400")).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/lines/0/quantity");
            assertThat(violation.message()).isEqualTo(
                    "must be a number greater than 0 and at most 1000000000 with at most 6 fraction digits; got 1E+400");
        });
    }

    @Test
    void hugeLineNumberIsOutOfRangeNotBelowItsMinimum() {
        assertThat(violations("\"lineNumber\": 1e400")).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/lines/0/lineNumber");
            assertThat(violation.message()).isEqualTo("must be an integer at least 1 and at most 999999999; got 1E+400");
        });
        assertThat(violations("\"lineNumber\": 2147483648")).extracting(SchemaViolation::pointer)
                .containsExactly("/lines/0/lineNumber");
    }

    @Test
    void tooManyFractionDigitsAreRefused() {
        assertThat(violations("\"unitPrice\": 0.1234567")).singleElement().satisfies(violation -> {
            assertThat(violation.pointer()).isEqualTo("/lines/0/unitPrice");
            assertThat(violation.message()).contains("at most 6 fraction digits", "got 0.1234567");
        });
        assertThat(violations("\"quantity\": 1e-400")).extracting(SchemaViolation::pointer)
                .containsExactly("/lines/0/quantity");
    }

    @Test
    void negativeAndHugeTotalsAreRefused() {
        ObjectNode order = Orders.order("webshop", "B-1");
        order.putObject("totals").put("lineCount", 10_001).put("amount", new BigDecimal("-0.01"))
                .put("tax", new BigDecimal("1E+16"));

        assertThat(schemas.violations("order", order)).extracting(SchemaViolation::pointer)
                .containsExactly("/totals/amount", "/totals/lineCount", "/totals/tax");
    }

    @Test
    void valuesAtTheirLimitsPass() {
        assertThat(violations("\"quantity\": 123456789.123456, \"unitPrice\": 19.99")).isEmpty();
        assertThat(violations("\"quantity\": 1000000000, \"unitPrice\": 999999999999.999999, \"lineNumber\": 999999999"))
                .isEmpty();
        assertThat(violations("\"quantity\": 0.000001, \"unitPrice\": 0")).isEmpty();
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(violations("\"quantity\": \"3\"")).singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("string found, number expected"));
    }

    /** The violations of a one-line order whose line has {@code members} (JSON text) over its defaults. */
    private List<SchemaViolation> violations(String members) {
        ObjectNode order = Orders.order("webshop", "B-1");
        JsonNode changes = JsonRequestReader.object(("{" + members + "}").getBytes(StandardCharsets.UTF_8));
        ((ObjectNode) order.path("lines").get(0)).setAll((ObjectNode) changes);
        return schemas.violations("order", order);
    }
}
