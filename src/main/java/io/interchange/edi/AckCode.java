package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * A segment or element syntax error in the code sets acknowledgements need: X12 997 (AK304 /
 * AK403), X12 999 (IK304 / IK403, which add the implementation "I" codes) and EDIFACT CONTRL
 * syntax error codes (0085). Where a 999 I-code has no 997 counterpart, the 997 code is the
 * nearest standard meaning so a 997 never carries a code its partner cannot read.
 */
public enum AckCode {
    // segment level
    UNRECOGNIZED_SEGMENT_ID(false, "1", "1", "15", "Unrecognized segment ID"),
    UNEXPECTED_SEGMENT(false, "2", "2", "15", "Unexpected segment"),
    MANDATORY_SEGMENT_MISSING(false, "3", "3", "13", "Mandatory segment missing"),
    LOOP_OCCURS_OVER_MAXIMUM_TIMES(false, "4", "4", "36", "Loop occurs over maximum times"),
    SEGMENT_EXCEEDS_MAXIMUM_USE(false, "5", "5", "35", "Segment exceeds maximum use"),
    SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET(false, "6", "6", "15", "Segment not in defined transaction set"),
    SEGMENT_NOT_IN_PROPER_SEQUENCE(false, "7", "7", "15", "Segment not in proper sequence"),
    SEGMENT_HAS_DATA_ELEMENT_ERRORS(false, "8", "8", "12", "Segment has data element errors"),
    IMPLEMENTATION_UNUSED_SEGMENT_PRESENT(false, "2", "I4", "15", "Implementation \"not used\" segment present"),
    IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING(false, "3", "I6", "13", "Implementation dependent segment missing"),
    IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES(false, "3", "I7", "13", "Implementation loop occurs under minimum times"),
    IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE(false, "3", "I8", "13", "Implementation segment below minimum use"),
    IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT(false, "2", "I9", "15", "Implementation dependent \"not used\" segment present"),
    CONDITIONAL_REQUIRED_SEGMENT_MISSING(false, "3", "3", "13", "Conditional required segment missing"),
    SEGMENT_EXCLUSION_CONDITION_VIOLATED(false, "2", "2", "15", "Segment exclusion condition violated"),
    // element level
    MANDATORY_ELEMENT_MISSING(true, "1", "1", "13", "Mandatory data element missing"),
    CONDITIONAL_REQUIRED_ELEMENT_MISSING(true, "2", "2", "13", "Conditional required data element missing"),
    TOO_MANY_DATA_ELEMENTS(true, "3", "3", "16", "Too many data elements"),
    DATA_ELEMENT_TOO_SHORT(true, "4", "4", "40", "Data element too short"),
    DATA_ELEMENT_TOO_LONG(true, "5", "5", "39", "Data element too long"),
    INVALID_CHARACTER(true, "6", "6", "37", "Invalid character in data element"),
    INVALID_CODE_VALUE(true, "7", "7", "12", "Invalid code value"),
    INVALID_DATE(true, "8", "8", "12", "Invalid date"),
    INVALID_TIME(true, "9", "9", "12", "Invalid time"),
    EXCLUSION_CONDITION_VIOLATED(true, "10", "10", "12", "Exclusion condition violated"),
    TOO_MANY_REPETITIONS(true, "12", "12", "35", "Too many repetitions"),
    TOO_MANY_COMPONENTS(true, "13", "13", "16", "Too many components"),
    IMPLEMENTATION_INVALID_CODE_VALUE(true, "7", "I6", "12", "Code value not used in implementation"),
    IMPLEMENTATION_DEPENDENT_ELEMENT_MISSING(true, "1", "I9", "13", "Implementation dependent data element missing"),
    IMPLEMENTATION_UNUSED_ELEMENT_PRESENT(true, "3", "I10", "15", "Implementation \"not used\" data element present"),
    IMPLEMENTATION_TOO_FEW_REPETITIONS(true, "1", "I11", "13", "Implementation too few repetitions"),
    IMPLEMENTATION_PATTERN_MATCH_FAILURE(true, "6", "I12", "12", "Implementation pattern match failure"),
    IMPLEMENTATION_DEPENDENT_UNUSED_ELEMENT_PRESENT(true, "3", "I13", "15", "Implementation dependent \"not used\" data element present");

    private final boolean elementLevel;
    private final String x12;
    private final String x12Implementation;
    private final String edifact;
    private final String description;

    AckCode(boolean elementLevel, String x12, String x12Implementation, String edifact, String description) {
        this.elementLevel = elementLevel;
        this.x12 = x12;
        this.x12Implementation = x12Implementation;
        this.edifact = edifact;
        this.description = description;
    }

    /** True for AK4/IK4/UCD errors, false for AK3/IK3/UCS errors. */
    public boolean elementLevel() {
        return elementLevel;
    }

    /** The code for a 997: AK304 when segment level, AK403 when element level. */
    public String x12() {
        return x12;
    }

    /** The code for a 999: IK304 when segment level, IK403 when element level. */
    public String x12Implementation() {
        return x12Implementation;
    }

    /** The EDIFACT syntax error code (data element 0085) for CONTRL UCS/UCD. */
    public String edifact() {
        return edifact;
    }

    public String description() {
        return description;
    }

    /** Maps StAEDI's error; control count/reference errors are envelope problems and have no AckCode. */
    public static AckCode of(EDIStreamValidationError error) {
        return switch (error) {
            case UNRECOGNIZED_SEGMENT_ID -> UNRECOGNIZED_SEGMENT_ID;
            case UNEXPECTED_SEGMENT -> UNEXPECTED_SEGMENT;
            case MANDATORY_SEGMENT_MISSING -> MANDATORY_SEGMENT_MISSING;
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> LOOP_OCCURS_OVER_MAXIMUM_TIMES;
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> SEGMENT_EXCEEDS_MAXIMUM_USE;
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET;
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> SEGMENT_NOT_IN_PROPER_SEQUENCE;
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> SEGMENT_HAS_DATA_ELEMENT_ERRORS;
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> IMPLEMENTATION_UNUSED_SEGMENT_PRESENT;
            case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING -> IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING;
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES;
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE;
            case IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT -> IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT;
            case CONDITIONAL_REQUIRED_SEGMENT_MISSING -> CONDITIONAL_REQUIRED_SEGMENT_MISSING;
            case SEGMENT_EXCLUSION_CONDITION_VIOLATED -> SEGMENT_EXCLUSION_CONDITION_VIOLATED;
            case REQUIRED_DATA_ELEMENT_MISSING -> MANDATORY_ELEMENT_MISSING;
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> CONDITIONAL_REQUIRED_ELEMENT_MISSING;
            case TOO_MANY_DATA_ELEMENTS -> TOO_MANY_DATA_ELEMENTS;
            case EXCLUSION_CONDITION_VIOLATED -> EXCLUSION_CONDITION_VIOLATED;
            case TOO_MANY_REPETITIONS -> TOO_MANY_REPETITIONS;
            case TOO_MANY_COMPONENTS -> TOO_MANY_COMPONENTS;
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> IMPLEMENTATION_DEPENDENT_ELEMENT_MISSING;
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> IMPLEMENTATION_UNUSED_ELEMENT_PRESENT;
            case IMPLEMENTATION_TOO_FEW_REPETITIONS -> IMPLEMENTATION_TOO_FEW_REPETITIONS;
            case IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> IMPLEMENTATION_DEPENDENT_UNUSED_ELEMENT_PRESENT;
            case DATA_ELEMENT_TOO_SHORT -> DATA_ELEMENT_TOO_SHORT;
            case DATA_ELEMENT_TOO_LONG -> DATA_ELEMENT_TOO_LONG;
            case INVALID_CHARACTER_DATA -> INVALID_CHARACTER;
            case INVALID_CODE_VALUE -> INVALID_CODE_VALUE;
            case INVALID_DATE -> INVALID_DATE;
            case INVALID_TIME -> INVALID_TIME;
            case IMPLEMENTATION_INVALID_CODE_VALUE -> IMPLEMENTATION_INVALID_CODE_VALUE;
            case IMPLEMENTATION_PATTERN_MATCH_FAILURE -> IMPLEMENTATION_PATTERN_MATCH_FAILURE;
            case NONE, CONTROL_REFERENCE_MISMATCH, CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT ->
                    throw new IllegalArgumentException(error + " is an envelope problem, not a segment or element error");
        };
    }
}
