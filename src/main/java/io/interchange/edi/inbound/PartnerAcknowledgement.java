package io.interchange.edi.inbound;

import java.util.List;

import io.interchange.edi.EdiStandard;

/**
 * A 997, 999 or CONTRL a partner sent us, reduced to what closes the loop: which of our groups or
 * interchanges it answers, the verdict on the whole, and the verdict per transaction it names.
 *
 * @param type                  {@code 997}, {@code 999} or {@code CONTRL}
 * @param controlNumber         the acknowledgement's own ST02 / UNH 0062
 * @param interchangeReference  EDIFACT UCI 0020: our UNB 0020 it answers; null for X12
 * @param groupReference        X12 AK102: our GS06 it answers; EDIFACT UCF 0048 when sent
 * @param functionalId          X12 AK101 (e.g. {@code PR} for 855s); null for EDIFACT
 * @param overall               AK9 / UCI verdict, which holds for every transaction not named below
 * @param overallCodes          the segment and codes it came from, e.g. {@code AK9 P 2} or {@code UCI 7}
 */
public record PartnerAcknowledgement(EdiStandard standard, String type, String controlNumber,
        String interchangeReference, String groupReference, String functionalId, AcknowledgementStatus overall,
        String overallCodes, List<Transaction> transactions) {

    public PartnerAcknowledgement {
        transactions = List.copyOf(transactions);
    }

    /** Our control number the acknowledgement refers to as a whole: GS06 (X12) or UNB 0020 (EDIFACT). */
    public String reference() {
        return standard == EdiStandard.X12 ? groupReference : interchangeReference;
    }

    /**
     * One acknowledged transaction: AK2 + AK5 / IK5 (X12) or UCM (EDIFACT).
     *
     * @param setId         AK201 / UCM S009 0065, e.g. {@code 855}, {@code ORDRSP}; may be null
     * @param controlNumber AK202 / UCM 0062: our ST02 / UNH 0062
     * @param codes         e.g. {@code AK5 R 5} or {@code UCM 4 error 13}
     */
    public record Transaction(String setId, String controlNumber, AcknowledgementStatus status, String codes) {
    }
}
