package io.interchange.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the envelope state of the interchange being read: its header facts, the outcomes of the
 * current group's transactions and the envelope problems found at each level.
 */
final class EnvelopeAssembler {

    private final EdiStandard standard;
    private InterchangeHeader interchange;
    private GroupHeader group;
    private boolean inGroup;
    private final List<TransactionOutcome> groupOutcomes = new ArrayList<>();
    private final List<EnvelopeProblem> groupProblems = new ArrayList<>();
    private final List<TransactionOutcome> looseOutcomes = new ArrayList<>();
    private final List<EnvelopeProblem> looseProblems = new ArrayList<>();
    private final List<EnvelopeProblem> interchangeProblems = new ArrayList<>();
    private final List<GroupResult> groups = new ArrayList<>();

    EnvelopeAssembler(EdiStandard standard) {
        this.standard = standard;
    }

    void startInterchange() {
        interchange = null;
        group = null;
        inGroup = false;
        groupOutcomes.clear();
        groupProblems.clear();
        looseOutcomes.clear();
        looseProblems.clear();
        interchangeProblems.clear();
        groups.clear();
    }

    void interchangeHeader(SegmentValues values, Delimiters delimiters) {
        if (standard == EdiStandard.X12) {
            interchange = new InterchangeHeader(standard, null, values.element(12),
                    values.trimmed(5), values.trimmed(6), values.trimmed(7), values.trimmed(8),
                    values.element(13), values.element(9), values.element(10), values.element(15),
                    "1".equals(values.element(14)), delimiters);
        } else {
            String test = values.element(11);
            interchange = new InterchangeHeader(standard, values.component(1, 1), values.component(1, 2),
                    values.component(2, 2), values.component(2, 1), values.component(3, 2), values.component(3, 1),
                    values.element(5), values.component(4, 1), values.component(4, 2), test.isEmpty() ? null : test,
                    "1".equals(values.element(9)), delimiters);
        }
    }

    void startGroup() {
        inGroup = true;
        group = null;
        groupOutcomes.clear();
        groupProblems.clear();
    }

    void groupHeader(SegmentValues values) {
        if (standard == EdiStandard.X12) {
            group = new GroupHeader(values.element(1), values.element(2), values.element(3), values.element(4),
                    values.element(5), values.element(6), values.element(8));
        } else {
            String association = values.component(7, 3);
            String version = values.component(7, 1) + ":" + values.component(7, 2)
                    + (association.isEmpty() ? "" : ":" + association);
            group = new GroupHeader(values.element(1), values.component(2, 1), values.component(3, 1),
                    values.component(4, 1), values.component(4, 2), values.element(5), version);
        }
    }

    boolean hasInterchangeHeader() {
        return interchange != null;
    }

    boolean inGroup() {
        return inGroup;
    }

    EnvelopeFacts facts() {
        return new EnvelopeFacts(interchange, inGroup ? group : null);
    }

    void record(TransactionOutcome outcome) {
        (inGroup ? groupOutcomes : looseOutcomes).add(outcome);
    }

    void problem(EnvelopeProblem problem) {
        if (problem.error().level() == EnvelopeError.Level.INTERCHANGE) {
            interchangeProblems.add(problem);
        } else {
            (inGroup ? groupProblems : looseProblems).add(problem);
        }
    }

    GroupResult endGroup() {
        GroupResult result = new GroupResult(facts(), groupOutcomes, groupProblems);
        groups.add(result);
        inGroup = false;
        group = null;
        return result;
    }

    /** Messages sent without UNG form one implicit group, reported when the interchange ends. */
    GroupResult endLooseMessages() {
        if (looseOutcomes.isEmpty() && looseProblems.isEmpty()) {
            return null;
        }
        GroupResult result = new GroupResult(new EnvelopeFacts(interchange, null), looseOutcomes, looseProblems);
        groups.add(result);
        return result;
    }

    InterchangeResult endInterchange() {
        return new InterchangeResult(interchange, groups, interchangeProblems);
    }
}
