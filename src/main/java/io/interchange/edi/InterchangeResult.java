package io.interchange.edi;

import java.util.List;

/**
 * The end of an interchange: its groups and its own envelope problems (IEA/UNZ counts and
 * control references). An interchange with problems should be rejected as a whole (X12 TA1,
 * EDIFACT CONTRL UCI action 4), whatever its groups say.
 */
public record InterchangeResult(InterchangeHeader header, List<GroupResult> groups, List<EnvelopeProblem> problems) {

    public InterchangeResult {
        groups = List.copyOf(groups);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
