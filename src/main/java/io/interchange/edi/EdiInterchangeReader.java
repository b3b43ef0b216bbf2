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
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
     * Reads every interchange in {@code input} (the caller closes it).
     *
     * @throws NotEdiException if the input is not X12 or EDIFACT at all
     * @throws EdiException if the EDI is broken beyond validation (e.g. cut off mid-interchange)
     */
    public ReadSummary read(InputStream input, EdiHandler handler) {
        BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
        EdiStandard standard;
        try {
            standard = EdiFormat.detect(in);
        } catch (IOException e) {
            throw new EdiException("Cannot read EDI input", e);
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            return new Pass(reader, standard, handler).run();
        } catch (EDIStreamException | EDIValidationException e) {
            throw new EdiException("Unreadable " + standard + " input: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EdiException("Cannot read EDI input", e);
        }
    }

    /** The state of one read; lives as long as one {@code read} call. */
    private final class Pass {
        private final EDIStreamReader reader;
        private final EdiStandard standard;
        private final EdiHandler handler;
        private final EnvelopeAssembler envelope;
        private TransactionAssembler transaction;
        private SegmentValues envelopeSegment;
        private int interchanges;
        private int groups;
        private long transactions;

        Pass(EDIStreamReader reader, EdiStandard standard, EdiHandler handler) {
            this.reader = reader;
            this.standard = standard;
            this.handler = handler;
            this.envelope = new EnvelopeAssembler(standard);
        }

        ReadSummary run() throws EDIStreamException {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
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
            return new ReadSummary(standard, interchanges, groups, transactions);
        }

        private void startSegment(String tag) {
            boolean envelopeTag = INTERCHANGE_SEGMENTS.contains(tag) || GROUP_SEGMENTS.contains(tag)
                    || TRANSACTION_HEADERS.contains(tag) || TRANSACTION_TRAILERS.contains(tag);
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
            reader.setTransactionSchema(schema);
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
