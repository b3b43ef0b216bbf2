package io.interchange.canonical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Says what a number field of a canonical schema accepts, from its bounds, for a value that broke
 * one of them: "must be a number greater than 0 and at most 1000000000 with at most 6 fraction
 * digits; got 1E+400". The validator's own messages name only the keyword that tripped, and mislead
 * for values past the range of a long (1e400 as an integer reads as 0 there: "minimum 1") and for
 * small steps ("must be multiple of 0").
 */
final class NumberBounds {

    static final Set<String> KEYWORDS = Set.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf");
    private static final int MAX_SHOWN = 40;

    private NumberBounds() {
    }

    static String message(JsonNode field, JsonNode value) {
        List<String> bounds = new ArrayList<>();
        bound(bounds, field, "exclusiveMinimum", "greater than ");
        bound(bounds, field, "minimum", "at least ");
        bound(bounds, field, "exclusiveMaximum", "less than ");
        bound(bounds, field, "maximum", "at most ");
        String kind = "integer".equals(field.path("type").asText()) ? "an integer" : "a number";
        StringBuilder message = new StringBuilder("must be ").append(kind);
        if (!bounds.isEmpty()) {
            message.append(' ').append(String.join(" and ", bounds));
        }
        if (field.path("multipleOf").isNumber()) {
            BigDecimal step = field.path("multipleOf").decimalValue();
            message.append(step.scale() > 0 && step.unscaledValue().equals(java.math.BigInteger.ONE)
                    ? " with at most " + step.scale() + " fraction digits"
                    : " that is a multiple of " + step.toPlainString());
        }
        return message.append("; got ").append(shown(value)).toString();
    }

    private static void bound(List<String> bounds, JsonNode field, String keyword, String wording) {
        if (field.path(keyword).isNumber()) {
            bounds.add(wording + field.path(keyword).decimalValue().toPlainString());
        }
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }
}
