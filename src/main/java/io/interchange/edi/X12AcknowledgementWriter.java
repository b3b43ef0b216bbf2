package io.interchange.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIStreamException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the X12 997 (functional) or 999 (implementation) acknowledgement of one functional
 * group as a complete interchange: sender and receiver swapped from the inbound envelope, the
 * inbound delimiters and versions unless told otherwise, control numbers from the caller.
 */
public final class X12AcknowledgementWriter {

    /** GS08/ST03 of a 999: the 005010 implementation guide of the 999 itself. */
    static final String IMPLEMENTATION_ACK_VERSION = "005010X231A1";
    private static final int MAX_CODES = 5;
    private static final int MAX_LOOP_ID = 4;

    private final TransactionSchemas schemas;
    private final Clock clock;

    public X12AcknowledgementWriter() {
        this(TransactionSchemas.builtIn(), Clock.systemDefaultZone());
    }

    public X12AcknowledgementWriter(TransactionSchemas schemas, Clock clock) {
        this.schemas = schemas;
        this.clock = clock;
    }

    public void write997(GroupResult group, AckPolicy policy, AckControlNumbers numbers, OutputStream out) {
        write(false, group, policy, numbers, null, out);
    }

    public void write999(GroupResult group, AckPolicy policy, AckControlNumbers numbers, OutputStream out) {
        write(true, group, policy, numbers, null, out);
    }

    /**
     * @param delimiters the delimiters to write with, or {@code null} for the partner's inbound ones
     */
    public void write(boolean implementationAck, GroupResult group, AckPolicy policy, AckControlNumbers numbers,
            Delimiters delimiters, OutputStream out) {
        write(implementationAck, group, policy, false, numbers, delimiters, out);
    }

    /**
     * @param rejectedWithInterchange the group is rejected whatever its own content, because its
     *        interchange is (a partner whose policy rejects whole interchanges)
     */
    public void write(boolean implementationAck, GroupResult group, AckPolicy policy, boolean rejectedWithInterchange,
            AckControlNumbers numbers, Delimiters delimiters, OutputStream out) {
        write(implementationAck, group, policy, ValidationPolicy.STRICT, rejectedWithInterchange, numbers, delimiters, out);
    }

    /**
     * @param validation which transaction problems the partner's validation policy tolerates:
     *        such a transaction is acknowledged AK5/IK5 E with its AK3/AK4 (IK3/IK4) detail
     */
    public void write(boolean implementationAck, GroupResult group, AckPolicy policy, ValidationPolicy validation,
            boolean rejectedWithInterchange, AckControlNumbers numbers, Delimiters delimiters, OutputStream out) {
        if (group.envelope().standard() != EdiStandard.X12 || !group.envelope().hasGroup()) {
            throw new IllegalArgumentException("997/999 acknowledge an X12 functional group");
        }
        GroupVerdict verdict = GroupVerdict.of(group, policy, validation, rejectedWithInterchange);
        OutboundEnvelope envelope = envelope(group, numbers, implementationAck, delimiters);
        String setId = implementationAck ? "999" : "997";
        Schema schema = schemas.require(EdiStandard.X12, setId, envelope.version());
        ValidatingOutput.write(envelope, setId, schema, body -> {
            if (implementationAck) {
                write999Body(body, verdict);
            } else {
                write997Body(body, verdict);
            }
        }, out);
    }

    private OutboundEnvelope envelope(GroupResult group, AckControlNumbers numbers, boolean implementationAck,
            Delimiters delimiters) {
        InterchangeHeader inbound = group.envelope().interchange();
        GroupHeader inboundGroup = group.envelope().group();
        String version = implementationAck ? IMPLEMENTATION_ACK_VERSION : baseVersion(inboundGroup.version());
        return OutboundEnvelope.x12()
                .sender(inbound.receiverQualifier(), inbound.receiverId())
                .receiver(inbound.senderQualifier(), inbound.senderId())
                .applicationIds(inboundGroup.applicationReceiver(), inboundGroup.applicationSender())
                .controlNumbers(numbers.interchange(), numbers.group(), numbers.transaction())
                .functionalId("FA")
                .version(version)
                .interchangeVersion(inbound.version())
                .implementationReference(implementationAck ? IMPLEMENTATION_ACK_VERSION : null)
                .test(inbound.isTest())
                .timestamp(LocalDateTime.now(clock))
                .delimiters(delimiters != null ? delimiters : inbound.delimiters())
                .build();
    }

    private static void write997Body(SegmentWriter out, GroupVerdict verdict) throws EDIStreamException {
        GroupHeader inbound = verdict.group().envelope().group();
        boolean v5010 = atLeast5010(inbound.version());
        out.segment("AK1", inbound.functionalId(), inbound.controlNumber(), v5010 ? inbound.version() : null);
        for (TransactionOutcome transaction : verdict.group().transactions()) {
            out.segment("AK2", transaction.setId(), transaction.controlNumber(),
                    v5010 ? transaction.implementationReference() : null);
            for (SegmentNote note : SegmentNote.of(transaction.problems())) {
                out.segment("AK3", note.tag(), Integer.toString(note.position()), loopId(note),
                        note.segmentCode().x12());
                for (ValidationProblem element : note.elements()) {
                    writeElementNote(out, "AK4", element, element.code().x12(), v5010, compositePosition(inbound.version()));
                }
            }
            writeTrailer(out, "AK5", verdict, transaction);
        }
        writeGroupTrailer(out, verdict);
    }

    private static void write999Body(SegmentWriter out, GroupVerdict verdict) throws EDIStreamException {
        GroupHeader inbound = verdict.group().envelope().group();
        out.segment("AK1", inbound.functionalId(), inbound.controlNumber(), inbound.version());
        for (TransactionOutcome transaction : verdict.group().transactions()) {
            out.segment("AK2", transaction.setId(), transaction.controlNumber(), transaction.implementationReference());
            for (SegmentNote note : SegmentNote.of(transaction.problems())) {
                out.segment("IK3", note.tag(), Integer.toString(note.position()), loopId(note),
                        note.segmentCode().x12Implementation());
                for (ValidationProblem element : note.elements()) {
                    writeElementNote(out, "IK4", element, element.code().x12Implementation(), true, true);
                }
            }
            writeTrailer(out, "IK5", verdict, transaction);
        }
        writeGroupTrailer(out, verdict);
    }

    private static void writeElementNote(SegmentWriter out, String tag, ValidationProblem problem, String code,
            boolean withRepetition, boolean compositePosition) throws EDIStreamException {
        out.start(tag);
        if (compositePosition) {
            out.composite(Integer.toString(problem.elementPosition()),
                    problem.componentPosition() > 0 ? Integer.toString(problem.componentPosition()) : null,
                    withRepetition && problem.repetition() > 0 ? Integer.toString(problem.repetition()) : null);
        } else {
            out.element(Integer.toString(problem.elementPosition()));
        }
        out.element(problem.elementReference());
        out.element(code);
        if (problem.badData() != null && !problem.badData().isEmpty()) {
            out.element(problem.badData());
        }
        out.end();
    }

    /** AK5/IK5: the verdict plus up to five syntax error codes (AK502-AK506). */
    private static void writeTrailer(SegmentWriter out, String tag, GroupVerdict verdict,
            TransactionOutcome transaction) throws EDIStreamException {
        Set<String> codes = new LinkedHashSet<>();
        for (EnvelopeProblem problem : transaction.envelopeProblems()) {
            if (problem.error().x12() != null) {
                codes.add(problem.error().x12());
            }
        }
        if (!transaction.problems().isEmpty()) {
            codes.add("5");
        }
        List<String> elements = new ArrayList<>();
        elements.add(verdict.transactionStatus(transaction).x12());
        codes.stream().limit(MAX_CODES).forEach(elements::add);
        out.segment(tag, elements.toArray(String[]::new));
    }

    private static void writeGroupTrailer(SegmentWriter out, GroupVerdict verdict) throws EDIStreamException {
        GroupResult group = verdict.group();
        String included = group.problems().stream()
                .filter(p -> p.error() == EnvelopeError.GROUP_TRANSACTION_COUNT_MISMATCH && p.badData() != null)
                .map(EnvelopeProblem::badData).findFirst().orElse(Integer.toString(group.received()));
        List<String> elements = new ArrayList<>(List.of(verdict.status().x12(), included,
                Integer.toString(group.received()), Integer.toString(verdict.acceptedCount())));
        group.problems().stream().map(p -> p.error().x12()).filter(code -> code != null).distinct()
                .limit(MAX_CODES).forEach(elements::add);
        out.segment("AK9", elements.toArray(String[]::new));
    }

    private static String loopId(SegmentNote note) {
        String loop = note.loopId();
        return loop == null || loop.length() > MAX_LOOP_ID ? null : loop;
    }

    /** 997s answer in the base version of the group (004010X... becomes 004010). */
    private static String baseVersion(String version) {
        return version.length() > 6 ? version.substring(0, 6) : version;
    }

    /** Before 004010 AK401 is the element position alone; the C030 composite came with 004010. */
    private static boolean compositePosition(String version) {
        return version.compareTo("004010") >= 0;
    }

    private static boolean atLeast5010(String version) {
        return version.compareTo("005010") >= 0;
    }
}
