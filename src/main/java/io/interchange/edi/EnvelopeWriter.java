package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamException;

/** Writes the headers before and the trailers after one transaction's body. */
interface EnvelopeWriter {

    void begin(SegmentWriter out, OutboundEnvelope envelope, String setId) throws EDIStreamException;

    void end(SegmentWriter out, OutboundEnvelope envelope) throws EDIStreamException;

    /** StAEDI's control schema version key for this envelope (X12 ISA12; EDIFACT syntax id and version). */
    String[] controlVersion(OutboundEnvelope envelope);

    static EnvelopeWriter of(EdiStandard standard) {
        return standard == EdiStandard.X12 ? new X12EnvelopeWriter() : new EdifactEnvelopeWriter();
    }
}
