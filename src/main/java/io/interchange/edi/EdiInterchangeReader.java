package io.interchange.edi;

import io.interchange.edi.schema.SchemaGenerator;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Streams an X12 or EDIFACT file (detected from its first bytes) through StAEDI with schema
 * validation and hands each transaction, group end and interchange end to an {@link EdiHandler}.
 * Only the current transaction's tree is held in memory, plus a small outcome per transaction
 * of the current interchange for its acknowledgement.
 *
 * <p>Stateless and thread-safe; one instance can read many files concurrently.
 */
public final class EdiInterchangeReader {

    private static final Set<String> INTERCHANGE_SEGMENTS = Set.of("ISA", "IEA", "UNA", "UNB", "UNZ");
    private static final Set<String> GROUP_SEGMENTS = Set.of("GS", "GE", "UNG", "UNE");
    private static final Set<String> TRANSACTION_HEADERS = Set.of("ST", "UNH");
    private static final Set<String> TRANSACTION_TRAILERS = Set.of("SE", "UNT");

    private final TransactionSchemas schemas;

    public EdiInterchangeReader() {
        this(TransactionSchemas.builtIn());
    }

    public EdiInterchangeReader(TransactionSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * Reads every interchange in {@code input} (the caller closes it), each with its own delimiters
     * ({@link InterchangeSplitter}). An interchange that cannot be read to its end is reported to
     * the handler as far as it was read: as an interchange end with the envelope problem at fault
     * (its trailer missing, its content unreadable) when its header was read, else as
     * {@link EdiHandler#onUnreadable}; the interchanges after it are read all the same.
     *
     * @throws NotEdiException if the input holds no X12 or EDIFACT interchange at all
     * @throws java.io.UncheckedIOException if the input itself fails (a download cut off)
     */
    public ReadSummary read(InputStream input, EdiHandler handler) {
        InterchangeSplitter splitter = new InterchangeSplitter(input, handler);
        EdiStandard first = null;
        int interchanges = 0;
        int groups = 0;
        long transactions = 0;
        try {
            for (InterchangeSplitter.Piece piece = splitter.next(); piece != null; piece = splitter.next()) {
                first = first == null ? piece.standard() : first;
                Pass pass = new Pass(piece.standard(), handler);
                pass.read(piece);
                interchanges += pass.interchanges;
                groups += pass.groups;
                transactions += pass.transactions;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read EDI input: " + e.getMessage(), e);
        }
        return new ReadSummary(first, interchanges, groups, transactions);
    }

    /** StAEDI gave up on the input: the message says where and why. */
    private static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    /** The state of one interchange's read. */
    private final class Pass {
        private EDIStreamReader reader;
        private final EdiStandard standard;
        private final EdiHandler handler;
        private final EnvelopeAssembler envelope;
        private TransactionAssembler transaction;
        private SegmentValues envelopeSegment;
        /** The last segment read, if it was an envelope segment: StAEDI reports a trailer's end only with the next segment. */
        private String lastEnvelopeTag;
        private int interchanges;
        private int groups;
        private long transactions;

        Pass(EdiStandard standard, EdiHandler handler) {
            this.standard = standard;
            this.handler = handler;
            this.envelope = new EnvelopeAssembler(standard);
        }

        void read(InterchangeSplitter.Piece piece) throws IOException {
            try (EDIStreamReader opened = EDIInputFactory.newFactory().createEDIStreamReader(piece.content())) {
                reader = opened;
                run();
            } catch (Unreadable e) {
                if (piece.sourceFailure() != null) {
                    throw piece.sourceFailure();
                }
                broken(piece, e.getMessage());
            }
        }

        /** Handler exceptions pass; only what StAEDI throws makes the interchange unreadable. */
        void run() throws Unreadable {
            while (true) {
                EDIStreamEvent event;
                try {
                    if (!reader.hasNext()) {
                        return;
                    }
                    event = reader.next();
                } catch (EDIStreamException | RuntimeException e) {
                    throw new Unreadable(e);
                }
                try {
                    handle(event);
                } catch (EDIStreamException | EDIValidationException e) {
                    throw new Unreadable(e);
                }
            }
        }

        private void handle(EDIStreamEvent event) throws EDIStreamException {
            switch (event) {
                case START_INTERCHANGE -> envelope.startInterchange();
                case START_GROUP -> envelope.startGroup();
                case START_TRANSACTION -> transaction =
                        new TransactionAssembler(envelope.facts(), reader.getLocation().getSegmentPosition());
                case START_SEGMENT -> startSegment(reader.getText());
                case END_SEGMENT -> endSegment();
                case START_COMPOSITE -> {
                    if (envelopeSegment == null && transaction != null) {
                        transaction.startComposite(reader.getLocation(), reference());
                    }
                }
                case END_COMPOSITE -> {
                    if (envelopeSegment == null && transaction != null) {
                        transaction.endComposite();
                    }
                }
                case ELEMENT_DATA -> element();
                case START_LOOP -> {
                    if (transaction != null) {
                        transaction.startLoop(SchemaGenerator.loopName(reader.getReferenceCode()), reference());
                    }
                }
                case END_LOOP -> {
                    if (transaction != null) {
                        transaction.endLoop();
                    }
                }
                case END_TRANSACTION -> endTransaction();
                case END_GROUP -> {
                    groups++;
                    handler.onGroupEnd(envelope.endGroup());
                }
                case END_INTERCHANGE -> endInterchange();
                case SEGMENT_ERROR -> segmentError();
                case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> elementError();
                default -> {
                    // binary data is not used by the supported transactions
                }
            }
        }

        /**
         * The interchange could not be read to its end. What was read is reported: a transaction
         * cut off is dropped (the interchange's rejection covers it), an open group ends with its
         * trailer missing, the interchange ends with the problem at fault.
         */
        private void broken(InterchangeSplitter.Piece piece, String message) {
            if (!envelope.hasInterchangeHeader()) {
                handler.onUnreadable(piece.ordinal(), "interchange " + piece.ordinal() + " of the file is unreadable: " + message);
                return;
            }
            envelopeSegment = null;
            String last = lastEnvelopeTag == null ? "" : lastEnvelopeTag;
            if (transaction != null && TRANSACTION_TRAILERS.contains(last)) {
                endTransaction();
            }
            transaction = null;
            boolean x12 = standard == EdiStandard.X12;
            if (envelope.inGroup() && ("GE".equals(last) || "UNE".equals(last))) {
                groups++;
                handler.onGroupEnd(envelope.endGroup());
            } else if (envelope.inGroup()) {
                envelope.problem(new EnvelopeProblem(EnvelopeError.GROUP_TRAILER_MISSING, x12 ? "GE" : "UNE", 0, null));
                groups++;
                handler.onGroupEnd(envelope.endGroup());
            }
            envelope.problem(piece.trailerMissing()
                    ? new EnvelopeProblem(EnvelopeError.INTERCHANGE_TRAILER_MISSING, x12 ? "IEA" : "UNZ", 0, message)
                    : new EnvelopeProblem(EnvelopeError.INTERCHANGE_ENVELOPE_INVALID, x12 ? "IEA" : "UNZ", 0, message));
            endInterchange();
        }

        private void startSegment(String tag) {
            boolean envelopeTag = INTERCHANGE_SEGMENTS.contains(tag) || GROUP_SEGMENTS.contains(tag)
                    || TRANSACTION_HEADERS.contains(tag) || TRANSACTION_TRAILERS.contains(tag);
            lastEnvelopeTag = null;
            if (envelopeTag) {
                envelopeSegment = new SegmentValues(tag);
            } else if (transaction != null) {
                transaction.startSegment(tag, reference());
            }
        }

        private void element() {
            Location location = reader.getLocation();
            if (envelopeSegment != null) {
                envelopeSegment.put(location.getElementPosition(), location.getComponentPosition(), reader.getText());
            } else if (transaction != null) {
                transaction.element(location, reader.getText(), reference());
            }
        }

        private void endSegment() throws EDIStreamException {
            if (envelopeSegment == null) {
                if (transaction != null) {
                    transaction.endSegment();
                }
                return;
            }
            String tag = envelopeSegment.tag();
            lastEnvelopeTag = tag;
            switch (tag) {
                case "ISA", "UNB" -> envelope.interchangeHeader(envelopeSegment, Delimiters.of(reader.getDelimiters()));
                case "GS", "UNG" -> envelope.groupHeader(envelopeSegment);
                case "ST", "UNH" -> chooseSchema(tag);
                default -> {
                    // trailers: StAEDI checks their counts and references and reports errors
                }
            }
            envelopeSegment = null;
        }

        /**
         * The transaction schema must be set (or cleared: StAEDI would otherwise keep validating
         * with the previous transaction's schema) before the first segment after the header.
         */
        private void chooseSchema(String headerTag) {
            if (transaction == null) {
                return;
            }
            transaction.header(envelopeSegment);
            Schema schema = schemas.find(standard, transaction.setId(), transaction.version()).orElse(null);
            try {
                reader.setTransactionSchema(schema);
            } catch (IllegalStateException e) {
                // a header where StAEDI sees no transaction start (a broken file): named, not validated
                transaction.envelopeProblem(new EnvelopeProblem(EnvelopeError.TRANSACTION_ENVELOPE_INVALID, headerTag, 0,
                        e.getMessage()));
                return;
            }
            if (schema == null) {
                transaction.unsupported(headerTag);
            }
        }

        private void endTransaction() {
            if (transaction == null) {
                return;
            }
            EdiTransaction done = transaction.finish();
            transaction = null;
            transactions++;
            envelope.record(done.outcome());
            handler.onTransaction(done);
        }

        private void endInterchange() {
            interchanges++;
            GroupResult loose = envelope.endLooseMessages();
            if (loose != null) {
                groups++;
                handler.onGroupEnd(loose);
            }
            handler.onInterchangeEnd(envelope.endInterchange());
        }

        private void segmentError() {
            EDIStreamValidationError error = reader.getErrorType();
            String tag = reader.hasText() ? reader.getText() : reader.getLocation().getSegmentTag();
            if (transaction != null) {
                transaction.segmentError(error, tag, reader.getLocation());
            } else {
                envelope.problem(new EnvelopeProblem(INTERCHANGE_SEGMENTS.contains(tag)
                        ? EnvelopeError.INTERCHANGE_ENVELOPE_INVALID
                        : EnvelopeError.SEGMENT_OUTSIDE_TRANSACTION, tag, 0, null));
            }
        }

        private void elementError() {
            EDIStreamValidationError error = reader.getErrorType();
            Location location = reader.getLocation();
            String tag = location.getSegmentTag();
            String data = reader.hasText() ? reader.getText() : null;
            boolean transactionEnvelope = TRANSACTION_HEADERS.contains(tag) || TRANSACTION_TRAILERS.contains(tag);
            if (transactionEnvelope && transaction != null) {
                transaction.envelopeProblem(new EnvelopeProblem(transactionError(error), tag,
                        location.getElementPosition(), data));
            } else if (GROUP_SEGMENTS.contains(tag)) {
                envelope.problem(new EnvelopeProblem(groupError(error), tag, location.getElementPosition(), data));
            } else if (INTERCHANGE_SEGMENTS.contains(tag)) {
                envelope.problem(new EnvelopeProblem(interchangeError(error), tag, location.getElementPosition(), data));
            } else if (transaction != null) {
                transaction.elementError(error, location, data, reader.getReferenceCode());
            }
        }

        private EDIReference reference() {
            return reader.getSchemaTypeReference();
        }
    }

    private static EnvelopeError transactionError(EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> EnvelopeError.TRANSACTION_SEGMENT_COUNT_MISMATCH;
            case CONTROL_REFERENCE_MISMATCH -> EnvelopeError.TRANSACTION_CONTROL_NUMBER_MISMATCH;
            default -> EnvelopeError.TRANSACTION_ENVELOPE_INVALID;
        };
    }

    private static EnvelopeError groupError(EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> EnvelopeError.GROUP_TRANSACTION_COUNT_MISMATCH;
            case CONTROL_REFERENCE_MISMATCH -> EnvelopeError.GROUP_CONTROL_NUMBER_MISMATCH;
            default -> EnvelopeError.GROUP_ENVELOPE_INVALID;
        };
    }

    private static EnvelopeError interchangeError(EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> EnvelopeError.INTERCHANGE_GROUP_COUNT_MISMATCH;
            case CONTROL_REFERENCE_MISMATCH -> EnvelopeError.INTERCHANGE_CONTROL_NUMBER_MISMATCH;
            default -> EnvelopeError.INTERCHANGE_ENVELOPE_INVALID;
        };
    }
}
