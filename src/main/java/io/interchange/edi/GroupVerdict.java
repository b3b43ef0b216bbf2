package io.interchange.edi;

import java.util.List;

/**
 * Decides, under an {@link AckPolicy}, which transactions of a group are accepted and what the
 * group's status is. The acknowledgement writers use it, and so should the caller deciding
 * which transactions to process, so that what is acknowledged is what is processed.
 */
public final class GroupVerdict {

    private final GroupResult group;
    private final ValidationPolicy validation;
    private final boolean groupRejected;

    private GroupVerdict(GroupResult group, ValidationPolicy validation, boolean groupRejected) {
        this.group = group;
        this.validation = validation;
        this.groupRejected = groupRejected;
    }

    public static GroupVerdict of(GroupResult group, AckPolicy policy) {
        return of(group, policy, ValidationPolicy.STRICT, false);
    }

    public static GroupVerdict of(GroupResult group, AckPolicy policy, boolean envelopeRejected) {
        return of(group, policy, ValidationPolicy.STRICT, envelopeRejected);
    }

    /**
     * @param validation which transaction problems still let a transaction be accepted
     * @param envelopeRejected the enclosing interchange is rejected (its own envelope is broken),
     *        which rejects every group in it
     */
    public static GroupVerdict of(GroupResult group, AckPolicy policy, ValidationPolicy validation,
            boolean envelopeRejected) {
        boolean anyRejected = group.transactions().stream().anyMatch(t -> !validation.accepts(t));
        boolean rejected = envelopeRejected
                || (!group.problems().isEmpty() && (policy == AckPolicy.REJECT_WHOLE_GROUP || !isX12(group)))
                || (policy == AckPolicy.REJECT_WHOLE_GROUP && anyRejected);
        return new GroupVerdict(group, validation, rejected);
    }

    /**
     * An X12 group trailer at fault (GE count or control number) does not undo its transactions
     * when the partner rejects only failing transactions: they were checked one by one and went on
     * as they were read, so the 997 accepts them and notes the group's error (AK9 E or P with the
     * AK9 codes). A CONTRL answers a whole interchange and rejects the group.
     */
    private static boolean isX12(GroupResult group) {
        return group.envelope().standard() == EdiStandard.X12;
    }

    public GroupResult group() {
        return group;
    }

    public boolean accepts(TransactionOutcome transaction) {
        return !groupRejected && validation.accepts(transaction);
    }

    /** A, or E when accepted with problems the validation policy tolerates (AK5 E, CONTRL 7 with detail), or R. */
    public AckStatus transactionStatus(TransactionOutcome transaction) {
        if (!accepts(transaction)) {
            return AckStatus.REJECTED;
        }
        return transaction.valid() ? AckStatus.ACCEPTED : AckStatus.ACCEPTED_WITH_ERRORS;
    }

    public List<TransactionOutcome> accepted() {
        return group.transactions().stream().filter(this::accepts).toList();
    }

    public int received() {
        return group.received();
    }

    public int acceptedCount() {
        return accepted().size();
    }

    /**
     * A when all are accepted, E when all are but the group trailer is at fault or some were
     * accepted with errors, R when none (or the group is rejected), P in between.
     */
    public AckStatus status() {
        int accepted = acceptedCount();
        if (groupRejected || accepted == 0) {
            return AckStatus.REJECTED;
        }
        if (accepted < received()) {
            return AckStatus.PARTIALLY_ACCEPTED;
        }
        boolean withErrors = !group.problems().isEmpty() || group.transactions().stream().anyMatch(t -> !t.valid());
        return withErrors ? AckStatus.ACCEPTED_WITH_ERRORS : AckStatus.ACCEPTED;
    }
}
