package io.interchange.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One transaction as delivered to an {@link EdiHandler}: where it came from, what was wrong with
 * it, and its content as a JSON tree (see the package documentation for the tree's shape).
 * The tree is built for invalid transactions too, for diagnosis; process only {@link #valid()} ones.
 */
public record EdiTransaction(EnvelopeFacts envelope, TransactionOutcome outcome, ObjectNode tree) {

    public String setId() {
        return outcome.setId();
    }

    public String controlNumber() {
        return outcome.controlNumber();
    }

    public boolean valid() {
        return outcome.valid();
    }

    public List<ValidationProblem> problems() {
        return outcome.problems();
    }

    public List<EnvelopeProblem> envelopeProblems() {
        return outcome.envelopeProblems();
    }
}
