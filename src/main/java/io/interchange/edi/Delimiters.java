package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamConstants;
import java.util.Map;

/**
 * The service characters of an interchange. {@code repetition} is absent for X12 before 00402
 * (ISA11 was the standards id "U" then) and {@code release} is absent for X12, which has no
 * escape character at all.
 */
public record Delimiters(char segment, char element, char component, Character repetition, Character release,
        char decimal) {

    public static Delimiters x12() {
        return new Delimiters('~', '*', '>', '^', null, '.');
    }

    public static Delimiters edifact() {
        return new Delimiters('\'', '+', ':', null, '?', '.');
    }

    public static Delimiters defaults(EdiStandard standard) {
        return standard == EdiStandard.X12 ? x12() : edifact();
    }

    static Delimiters of(Map<String, Character> stax) {
        return new Delimiters(
                stax.get(EDIStreamConstants.Delimiters.SEGMENT),
                stax.get(EDIStreamConstants.Delimiters.DATA_ELEMENT),
                stax.get(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT),
                stax.get(EDIStreamConstants.Delimiters.REPETITION),
                stax.get(EDIStreamConstants.Delimiters.RELEASE),
                stax.getOrDefault(EDIStreamConstants.Delimiters.DECIMAL, '.'));
    }
}
