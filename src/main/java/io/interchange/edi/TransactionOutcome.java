package io.interchange.edi;

import java.util.List;

/**
 * What an acknowledgement needs to know about one transaction, without its content: small
 * enough to keep for every transaction of a large group.
 *
 * @param setId X12 ST01 (e.g. {@code 850}); EDIFACT UNH S009/0065 (e.g. {@code ORDERS})
 * @param controlNumber X12 ST02; EDIFACT UNH 0062
 * @param version X12: the group's GS08 (e.g. {@code 004010}); EDIFACT: UNH S009 0052:0054:0051[:0057]
 *        (e.g. {@code D:96A:UN})
 * @param implementationReference X12 ST03 (005010+), or {@code null}
 * @param problems segment and element errors (AK3/AK4)
 * @param envelopeProblems transaction-level envelope errors (AK5 codes)
 */
public record TransactionOutcome(String setId, String controlNumber, String version, String implementationReference,
        List<ValidationProblem> problems, List<EnvelopeProblem> envelopeProblems) {

    public TransactionOutcome {
        // one outcome is kept per transaction of a group, hundreds of thousands in a large file:
        // the few distinct set ids and versions are shared, not repeated
        setId = setId == null ? null : setId.intern();
        version = version == null ? null : version.intern();
        implementationReference = implementationReference == null ? null : implementationReference.intern();
        problems = List.copyOf(problems);
        envelopeProblems = List.copyOf(envelopeProblems);
    }

    /** No syntax or envelope error at all. */
    public boolean valid() {
        return problems.isEmpty() && envelopeProblems.isEmpty();
    }

    public boolean supported() {
        return envelopeProblems.stream().noneMatch(p -> p.error() == EnvelopeError.TRANSACTION_NOT_SUPPORTED);
    }
}
