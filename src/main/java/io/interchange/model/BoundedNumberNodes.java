package io.interchange.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;

/**
 * Builds the JSON trees of {@link CanonicalJson} and refuses, while reading, a decimal whose
 * exponent is beyond ±{@value #MAX_SCALE}. Such a number ({@code 1e99999999}) is a few bytes of text
 * but a bomb for whatever computes with it: the schema's {@code multipleOf} check divides by it
 * (10^99999999 as a BigInteger: minutes of CPU, or an overflow), a plain rendering writes it out
 * digit by digit. Jackson bounds a number's length, not its exponent; {@code 1e400} stays readable,
 * for the schema to refuse naming the field.
 */
public final class BoundedNumberNodes extends JsonNodeFactory {

    public static final int MAX_SCALE = 1000;
    private static final long serialVersionUID = 1L;

    BoundedNumberNodes() {
        super(true);
    }

    @Override
    public ValueNode numberNode(BigDecimal value) {
        check(value);
        return super.numberNode(value);
    }


    private static void check(BigDecimal value) {
        if (value != null && Math.abs(value.scale()) > MAX_SCALE) {
            throw new NumberOutOfRange("Number " + value + " has an exponent beyond ±" + MAX_SCALE);
        }
    }

    /** A number no document can mean; a {@link NumberFormatException} like Jackson's own for such text. */
    static final class NumberOutOfRange extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        NumberOutOfRange(String message) {
            super(message);
        }
    }
}
