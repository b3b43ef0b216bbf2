package io.interchange.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one complete interchange through StAEDI with the envelope and transaction schemas
 * switched on, into a buffer first: the caller's stream only ever receives a document that
 * validated, never half of one.
 */
final class ValidatingOutput {

    /** The transaction's own segments, between the envelope's headers and trailers. */
    interface Body {
        void write(SegmentWriter out) throws EDIStreamException;
    }

    private ValidatingOutput() {
    }

    static void write(OutboundEnvelope envelope, String setId, Schema transactionSchema, Body body, OutputStream target) {
        EnvelopeWriter envelopeWriter = EnvelopeWriter.of(envelope.standard());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        EDIStreamWriter writer = factory(envelope.delimiters()).createEDIStreamWriter(buffer);
        SegmentWriter out = new SegmentWriter(writer);
        try {
            writer.setControlSchema(SchemaFactory.newFactory()
                    .getControlSchema(envelope.standard().name(), envelopeWriter.controlVersion(envelope)));
            writer.startInterchange();
            envelopeWriter.begin(out, envelope, setId);
            writer.setTransactionSchema(transactionSchema);
            body.write(out);
            envelopeWriter.end(out, envelope);
            writer.endInterchange();
            writer.close();
        } catch (EDIValidationException e) {
            throw new EdiWriteException(describe(e), e);
        } catch (EDIStreamException | EDISchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new EdiWriteException("Cannot write " + envelope.standard() + " " + setId + ": " + e.getMessage(), e);
        }
        try {
            buffer.writeTo(target);
            target.flush();
        } catch (IOException e) {
            throw new EdiException("Cannot write " + setId + " to its destination", e);
        }
    }

    private static EDIOutputFactory factory(Delimiters delimiters) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, delimiters.segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, delimiters.element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, delimiters.component());
        factory.setProperty(EDIStreamConstants.Delimiters.DECIMAL, delimiters.decimal());
        if (delimiters.repetition() != null) {
            factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, delimiters.repetition());
        }
        if (delimiters.release() != null) {
            factory.setProperty(EDIStreamConstants.Delimiters.RELEASE, delimiters.release());
        }
        return factory;
    }

    private static String describe(EDIValidationException e) {
        StringBuilder message = new StringBuilder("Outbound document does not validate:");
        for (EDIValidationException each = e; each != null; each = each.getNextException()) {
            message.append(' ').append(each.getError());
            if (each.getLocation() != null) {
                message.append(" at ").append(each.getLocation().getSegmentTag())
                        .append(" segment ").append(each.getLocation().getSegmentPosition());
                if (each.getLocation().getElementPosition() > 0) {
                    message.append(" element ").append(each.getLocation().getElementPosition());
                }
            }
            message.append(';');
        }
        return message.toString();
    }
}
