package io.interchange.edi;

import java.util.List;

/**
 * Decides, under an {@link AckPolicy}, which transactions of a group are accepted and what the
 * group's status is. The acknowledgement writers use it, and so should the caller deciding
 * which transactions to process, so that what is acknowledged is what is processed.
 */
public final class GroupVerdict {

    private final GroupResult group;
    private final boolean groupRejected;

    private GroupVerdict(GroupResult group, boolean groupRejected) {
        this.group = group;
        this.groupRejected = groupRejected;
    }

    public static GroupVerdict of(GroupResult group, AckPolicy policy) {
        return of(group, policy, false);
    }

    /**
     * @param envelopeRejected the enclosing interchange is rejected (its own envelope is broken),
     *        which rejects every group in it
     */
    public static GroupVerdict of(GroupResult group, AckPolicy policy, boolean envelopeRejected) {
        boolean anyInvalid = group.transactions().stream().anyMatch(t -> !t.valid());
        boolean rejected = envelopeRejected
                || !group.problems().isEmpty()
                || (policy == AckPolicy.REJECT_WHOLE_GROUP && anyInvalid);
        return new GroupVerdict(group, rejected);
    }

    public GroupResult group() {
        return group;
    }

    public boolean accepts(TransactionOutcome transaction) {
        return !groupRejected && transaction.valid();
    }

    public AckStatus transactionStatus(TransactionOutcome transaction) {
        return accepts(transaction) ? AckStatus.ACCEPTED : AckStatus.REJECTED;
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

    /** A when all are accepted, R when none (or the group itself is broken), P in between. */
    public AckStatus status() {
        int accepted = acceptedCount();
        if (groupRejected || accepted == 0) {
            return AckStatus.REJECTED;
        }
        return accepted == received() ? AckStatus.ACCEPTED : AckStatus.PARTIALLY_ACCEPTED;
    }
}
