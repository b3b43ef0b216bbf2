package io.interchange.edi;

import java.util.EnumSet;
import java.util.Set;

/**
 * How strictly a partner's transactions are held to the schema (registry key {@code validation}).
 * What is outside the schema — a segment the standard does not define there, one too many, an
 * extra element or component, a code value not in the list — is reported in the acknowledgement
 * either way; {@link #LENIENT} accepts the transaction with it (AK5 E, CONTRL action 7 with the
 * UCS/UCD detail), {@link #STRICT} rejects it. What the mapping relies on is checked either way:
 * mandatory segments and elements, data types, lengths, dates and times.
 */
public enum ValidationPolicy {
    STRICT,
    LENIENT;

    /** Segment and element errors that say "more or other than the schema", not "broken". */
    private static final Set<AckCode> OUTSIDE_THE_SCHEMA = EnumSet.of(
            AckCode.UNRECOGNIZED_SEGMENT_ID,
            AckCode.UNEXPECTED_SEGMENT,
            AckCode.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
            AckCode.SEGMENT_NOT_IN_PROPER_SEQUENCE,
            AckCode.SEGMENT_EXCEEDS_MAXIMUM_USE,
            AckCode.LOOP_OCCURS_OVER_MAXIMUM_TIMES,
            AckCode.IMPLEMENTATION_UNUSED_SEGMENT_PRESENT,
            AckCode.TOO_MANY_DATA_ELEMENTS,
            AckCode.TOO_MANY_COMPONENTS,
            AckCode.TOO_MANY_REPETITIONS,
            AckCode.INVALID_CODE_VALUE,
            AckCode.IMPLEMENTATION_INVALID_CODE_VALUE,
            AckCode.IMPLEMENTATION_UNUSED_ELEMENT_PRESENT);

    /** Whether a transaction with this problem may still be accepted. */
    public boolean tolerates(ValidationProblem problem) {
        return this == LENIENT && OUTSIDE_THE_SCHEMA.contains(problem.code());
    }

    /** Accepted: no envelope problem (count, control number, unsupported set) and every problem tolerated. */
    public boolean accepts(TransactionOutcome transaction) {
        return transaction.envelopeProblems().isEmpty() && transaction.problems().stream().allMatch(this::tolerates);
    }
}
