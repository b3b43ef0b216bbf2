package io.interchange.edi.intake;

import io.interchange.edi.inbound.PartnerAcknowledgements;

/**
 * What a {@link FileRun} works with; one set per runtime, shared by every file.
 *
 * @param admissionBatch how many orders go on the bus with one commit
 */
record FileRunServices(EdiOrderAdmission admission, EdiTracking tracking, InterchangeRegister register,
        ControlNumberSequence numbers, EdiMetrics metrics, int admissionBatch,
        PartnerAcknowledgements partnerAcknowledgements) {
}
