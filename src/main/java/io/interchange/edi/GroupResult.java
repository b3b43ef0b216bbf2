package io.interchange.edi;

import java.util.List;

/**
 * The end of a functional group: every transaction's outcome and the group's own envelope
 * problems (GE/UNE counts and control numbers). For EDIFACT messages sent without UNG the reader
 * reports one group with {@code envelope().group() == null} at the end of the interchange.
 */
public record GroupResult(EnvelopeFacts envelope, List<TransactionOutcome> transactions, List<EnvelopeProblem> problems) {

    public GroupResult {
        transactions = List.copyOf(transactions);
        problems = List.copyOf(problems);
    }

    public int received() {
        return transactions.size();
    }

    public long validCount() {
        return transactions.stream().filter(TransactionOutcome::valid).count();
    }
}
