package io.interchange.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;
import io.interchange.model.BoundedNumberNodes;

/**
 * JSLT's {@code number(value [, fallback])}, exact: {@code "12.50"} becomes the decimal 12.50, not the
 * double 12.5, and {@code "123456789.123456789"} keeps every digit. JSLT's own {@code number()} turns
 * any string with a fraction or an exponent into a double ({@code "1e400"} into Infinity), and
 * mappings use it for every EDI quantity and every webhook price held as a string; registered under
 * the same name (JSLT looks up extension functions before its built-ins), it makes those mappings
 * exact without changing a line of them. Same contract otherwise: the same number syntax (leading
 * zeros allowed, no blanks, no sign {@code +}), null stays null, a non-number is an error unless a
 * fallback is given.
 */
public final class ExactNumber implements Function {

    /** JSLT's number syntax, as its own {@code number()} accepts it. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Override
    public String getName() {
        return "number";
    }

    @Override
    public int getMinArguments() {
        return 1;
    }

    @Override
    public int getMaxArguments() {
        return 2;
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode value = arguments[0];
        JsonNode fallback = arguments.length > 1 ? arguments[1] : null;
        if (value.isNumber()) {
            return value;
        }
        if (value.isNull()) {
            return fallback != null ? fallback : value;
        }
        if (value.isTextual() && NUMBER.matcher(value.asText()).matches()) {
            try {
                return parse(value.asText());
            } catch (NumberFormatException e) {
                // an exponent beyond what BigDecimal holds ("1e99999999999") or any document means
                throw new JsltException("number(" + value.asText() + ") failed: out of range");
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new JsltException(value.isTextual()
                ? "number(" + value.asText() + ") failed: not a number"
                : "Can't convert " + value + " to number");
    }

    private static JsonNode parse(String text) {
        if (INTEGER.matcher(text).matches()) {
            BigInteger integer = new BigInteger(text);
            return integer.bitLength() < Long.SIZE ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
        }
        BigDecimal decimal = new BigDecimal(text);
        if (Math.abs(decimal.scale()) > BoundedNumberNodes.MAX_SCALE) {
            // as when a body is read: no document means it, and the schema check would compute with it
            throw new NumberFormatException("exponent beyond ±" + BoundedNumberNodes.MAX_SCALE);
        }
        return NODES.numberNode(decimal);
    }
}
