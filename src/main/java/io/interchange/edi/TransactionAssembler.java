package io.interchange.edi;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Collects one transaction while it streams by: its header facts, its tree and its problems,
 * with segment positions made relative to the transaction (StAEDI counts from the start of the
 * stream; AK302 and UCS 0096 count the ST/UNH header as 1).
 */
final class TransactionAssembler {

    private static final String LOOP_SUFFIX = "Loop";

    private final EnvelopeFacts envelope;
    private final int headerPosition;
    private final TransactionTreeBuilder tree = new TransactionTreeBuilder();
    private final List<ValidationProblem> problems = new ArrayList<>();
    private final List<EnvelopeProblem> envelopeProblems = new ArrayList<>();
    private final Deque<String> loops = new ArrayDeque<>();
    private String setId = "";
    private String controlNumber = "";
    private String version = "";
    private String implementationReference;

    TransactionAssembler(EnvelopeFacts envelope, int headerPosition) {
        this.envelope = envelope;
        this.headerPosition = headerPosition;
    }

    void header(SegmentValues values) {
        if (envelope.standard() == EdiStandard.X12) {
            setId = values.element(1);
            controlNumber = values.element(2);
            String st03 = values.element(3);
            implementationReference = st03.isEmpty() ? null : st03;
            version = envelope.hasGroup() ? envelope.group().version() : "";
        } else {
            controlNumber = values.element(1);
            setId = values.component(2, 1);
            StringBuilder parts = new StringBuilder()
                    .append(values.component(2, 2)).append(':')
                    .append(values.component(2, 3)).append(':')
                    .append(values.component(2, 4));
            String association = values.component(2, 5);
            if (!association.isEmpty()) {
                parts.append(':').append(association);
            }
            version = parts.toString();
        }
    }

    String setId() {
        return setId;
    }

    String version() {
        return version;
    }

    void unsupported(String headerTag) {
        envelopeProblems.add(new EnvelopeProblem(EnvelopeError.TRANSACTION_NOT_SUPPORTED, headerTag,
                envelope.standard() == EdiStandard.X12 ? 1 : 2, setId + " " + version));
    }

    void envelopeProblem(EnvelopeProblem problem) {
        envelopeProblems.add(problem);
    }

    void startLoop(String code, EDIReference reference) {
        loops.push(code);
        tree.startLoop(code, reference);
    }

    void endLoop() {
        if (!loops.isEmpty()) {
            loops.pop();
        }
        tree.endLoop();
    }

    void startSegment(String tag, EDIReference reference) {
        tree.startSegment(tag, reference);
    }

    void endSegment() {
        tree.endSegment();
    }

    void startComposite(Location location, EDIReference reference) {
        tree.startComposite(location.getElementPosition(), reference);
    }

    void endComposite() {
        tree.endComposite();
    }

    void element(Location location, String value, EDIReference reference) {
        tree.element(location.getElementPosition(), location.getComponentPosition(), value, reference);
    }

    /** A segment-level error; {@code tag} is the segment in error, which for a missing one is not the current one. */
    void segmentError(EDIStreamValidationError error, String tag, Location location) {
        problems.add(new ValidationProblem(tag, relative(location), loopId(), 0, 0, 0, null, null, AckCode.of(error)));
    }

    void elementError(EDIStreamValidationError error, Location location, String badData, String reference) {
        int component = Math.max(location.getComponentPosition(), 0);
        int repetition = location.getElementOccurrence() > 1 ? location.getElementOccurrence() : 0;
        problems.add(new ValidationProblem(location.getSegmentTag(), relative(location), loopId(),
                Math.max(location.getElementPosition(), 1), component, repetition, numericOrNull(reference),
                badData, AckCode.of(error)));
    }

    EdiTransaction finish() {
        TransactionOutcome outcome = new TransactionOutcome(setId, controlNumber, version, implementationReference,
                problems, envelopeProblems);
        return new EdiTransaction(envelope, outcome, tree.tree());
    }

    private int relative(Location location) {
        return location.getSegmentPosition() - headerPosition + 1;
    }

    private String loopId() {
        String code = loops.peek();
        if (code == null) {
            return null;
        }
        return code.endsWith(LOOP_SUFFIX) ? code.substring(0, code.length() - LOOP_SUFFIX.length()) : code;
    }

    /** AK402 wants the data element reference number; schema type names like "E96" are not one. */
    private static String numericOrNull(String reference) {
        return reference != null && reference.chars().allMatch(Character::isDigit) && !reference.isEmpty()
                ? reference : null;
    }
}
