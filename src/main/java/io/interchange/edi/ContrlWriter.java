package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Writes the EDIFACT CONTRL syntax and service report of one interchange: UCI for the
 * interchange, UCF for each UNG group, UCM for each message with UCS/UCD for its segment and
 * element errors. Action codes: 7 acknowledged, 4 rejected, 8 received (receipt only).
 */
public final class ContrlWriter {

    private static final String ACTION_RECEIVED = "8";

    private final Clock clock;

    public ContrlWriter() {
        this(Clock.systemDefaultZone());
    }

    public ContrlWriter(Clock clock) {
        this.clock = clock;
    }

    /** A full syntax report; the interchange's own envelope problems reject everything in it. */
    public void write(InterchangeResult interchange, AckPolicy policy, AckControlNumbers numbers, OutputStream out) {
        write(interchange, policy, false, numbers, out);
    }

    /**
     * @param rejectEverything every group and message is rejected whatever its own content (a
     *        partner whose policy rejects whole interchanges, one of whose groups failed)
     */
    public void write(InterchangeResult interchange, AckPolicy policy, boolean rejectEverything, AckControlNumbers numbers,
            OutputStream out) {
        write(interchange, policy, ValidationPolicy.STRICT, rejectEverything, numbers, out);
    }

    /**
     * @param validation which message problems the partner's validation policy tolerates: such a
     *        message is acknowledged with action 7 and its UCS/UCD detail
     */
    public void write(InterchangeResult interchange, AckPolicy policy, ValidationPolicy validation,
            boolean rejectEverything, AckControlNumbers numbers, OutputStream out) {
        requireEdifact(interchange);
        ValidatingOutput.write(envelope(interchange, numbers), "CONTRL", null,
                body -> writeReport(body, interchange, policy, validation, rejectEverything, !interchange.valid()), out);
    }

    /**
     * UCI action 7 with the interchange's first problem noted (a missing UNZ, say): its messages
     * went on as they were read, under per-message rejection, and a broken trailer does not undo
     * that; each message is acknowledged by its own verdict.
     */
    public void writeAcceptedWithErrors(InterchangeResult interchange, AckPolicy policy, ValidationPolicy validation,
            AckControlNumbers numbers, OutputStream out) {
        requireEdifact(interchange);
        ValidatingOutput.write(envelope(interchange, numbers), "CONTRL", null,
                body -> writeReport(body, interchange, policy, validation, false, false), out);
    }

    /** Only says the interchange arrived (UCI action 8), without judging its content. */
    public void writeReceipt(InterchangeResult interchange, AckControlNumbers numbers, OutputStream out) {
        requireEdifact(interchange);
        ValidatingOutput.write(envelope(interchange, numbers), "CONTRL", null,
                body -> writeUci(body, interchange.header(), ACTION_RECEIVED, null), out);
    }

    private static void requireEdifact(InterchangeResult interchange) {
        if (interchange.header().standard() != EdiStandard.EDIFACT) {
            throw new IllegalArgumentException("CONTRL acknowledges an EDIFACT interchange");
        }
    }

    private OutboundEnvelope envelope(InterchangeResult interchange, AckControlNumbers numbers) {
        InterchangeHeader inbound = interchange.header();
        // CONTRL is versioned by the syntax it reports on: D:3 for syntax 1-3, 4:1 for syntax 4.
        String version = "4".equals(inbound.version()) ? "4:1:UN" : "D:3:UN";
        return OutboundEnvelope.edifact()
                .sender(inbound.receiverQualifier(), inbound.receiverId())
                .receiver(inbound.senderQualifier(), inbound.senderId())
                .controlNumbers(numbers.interchange(), numbers.group(), numbers.transaction())
                .syntaxIdentifier(inbound.syntaxIdentifier())
                .interchangeVersion(inbound.version())
                .version(version)
                .test(inbound.isTest())
                .timestamp(LocalDateTime.now(clock))
                .delimiters(inbound.delimiters())
                .build();
    }

    private static void writeReport(SegmentWriter out, InterchangeResult interchange, AckPolicy policy,
            ValidationPolicy validation, boolean rejectEverything, boolean interchangeRejected) throws EDIStreamException {
        EnvelopeProblem interchangeProblem = interchange.problems().isEmpty() ? null : interchange.problems().get(0);
        writeUci(out, interchange.header(), interchangeRejected ? "4" : "7", interchangeProblem);
        for (GroupResult group : interchange.groups()) {
            if (!group.envelope().hasGroup()) {
                writeMessages(out, GroupVerdict.of(group, policy, validation, interchangeRejected || rejectEverything));
            }
        }
        for (GroupResult group : interchange.groups()) {
            if (group.envelope().hasGroup()) {
                GroupVerdict verdict = GroupVerdict.of(group, policy, validation, interchangeRejected || rejectEverything);
                GroupHeader header = group.envelope().group();
                EnvelopeProblem problem = group.problems().isEmpty() ? null : group.problems().get(0);
                out.start("UCF");
                out.element(header.controlNumber());
                out.composite(header.applicationSender());
                out.composite(header.applicationReceiver());
                out.element(verdict.status() == AckStatus.REJECTED ? "4" : "7");
                writeCause(out, problem);
                out.end();
                writeMessages(out, verdict);
            }
        }
    }

    private static void writeUci(SegmentWriter out, InterchangeHeader inbound, String action, EnvelopeProblem problem)
            throws EDIStreamException {
        out.start("UCI");
        out.element(inbound.controlNumber());
        out.composite(inbound.senderId(), inbound.senderQualifier());
        out.composite(inbound.receiverId(), inbound.receiverQualifier());
        out.element(action);
        writeCause(out, problem);
        out.end();
    }

    /** 0085 syntax error, 0013 service segment tag and S011 element position of an envelope problem. */
    private static void writeCause(SegmentWriter out, EnvelopeProblem problem) throws EDIStreamException {
        if (problem == null) {
            return;
        }
        out.element(problem.error().edifact());
        out.element(problem.segmentTag());
        if (problem.elementPosition() > 0) {
            out.composite(Integer.toString(problem.elementPosition()));
        }
    }

    private static void writeMessages(SegmentWriter out, GroupVerdict verdict) throws EDIStreamException {
        for (TransactionOutcome message : verdict.group().transactions()) {
            String[] version = message.version().split(":", -1);
            out.start("UCM");
            out.element(message.controlNumber());
            out.composite(message.setId(), part(version, 0), part(version, 1), part(version, 2), part(version, 3));
            out.element(verdict.transactionStatus(message).edifactAction());
            writeCause(out, message.envelopeProblems().isEmpty() ? null : message.envelopeProblems().get(0));
            out.end();
            for (SegmentNote note : SegmentNote.of(message.problems())) {
                out.segment("UCS", Integer.toString(note.position()),
                        note.onlyElementErrors() ? null : note.segmentCode().edifact());
                for (ValidationProblem element : note.elements()) {
                    out.start("UCD");
                    out.element(element.code().edifact());
                    out.composite(Integer.toString(element.elementPosition()),
                            element.componentPosition() > 0 ? Integer.toString(element.componentPosition()) : null);
                    out.end();
                }
            }
        }
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }
}
