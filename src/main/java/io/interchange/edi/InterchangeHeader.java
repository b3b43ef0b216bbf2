package io.interchange.edi;

/**
 * Facts of one interchange header (X12 ISA, EDIFACT UNB). Ids are trimmed of X12's fixed-width padding.
 *
 * @param syntaxIdentifier EDIFACT UNB S001/0001 (e.g. {@code UNOC}); {@code null} for X12
 * @param version X12 ISA12 (e.g. {@code 00401}); EDIFACT UNB S001/0002 (e.g. {@code 3})
 * @param date X12 ISA09 (YYMMDD); EDIFACT UNB S004/0017
 * @param time X12 ISA10 (HHMM); EDIFACT UNB S004/0019
 * @param testIndicator X12 ISA15 ({@code T}/{@code P}); EDIFACT UNB 0035 ({@code 1} or {@code null})
 * @param ackRequested X12 ISA14 = 1; EDIFACT UNB 0031 = 1
 */
public record InterchangeHeader(EdiStandard standard, String syntaxIdentifier, String version,
        String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String controlNumber, String date, String time, String testIndicator, boolean ackRequested,
        Delimiters delimiters) {

    public boolean isTest() {
        return standard == EdiStandard.X12 ? "T".equals(testIndicator) : "1".equals(testIndicator);
    }
}
