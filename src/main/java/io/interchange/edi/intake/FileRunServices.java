package io.interchange.edi.intake;

import io.interchange.edi.AckControlNumbers;
import io.interchange.edi.inbound.PartnerAcknowledgements;

/**
 * What a {@link FileRun} works with; one set per runtime, shared by every file.
 *
 * @param admissionBatch how many orders go on the bus with one commit
 */
record FileRunServices(EdiOrderAdmission admission, EdiTracking tracking, InterchangeRegister register,
        ControlNumberSequence numbers, EdiMetrics metrics, int admissionBatch,
        PartnerAcknowledgements partnerAcknowledgements) {

    /** A fresh ISA13/GS06/ST02 (UNB/UNH) triple for one outbound acknowledgement. */
    AckControlNumbers numbers(String partnerId) {
        long interchange = numbers.next(partnerId, "interchange");
        return AckControlNumbers.of(interchange, numbers.next(partnerId, "group"), numbers.next(partnerId, "transaction"));
    }
}
