package io.interchange.edi.intake;

/**
 * What the tracking store keeps of one inbound transaction.
 *
 * @param state        {@code admitted} (on the bus), {@code duplicate} (its business key was already admitted),
 *                     {@code rejected} (acknowledged as rejected) or {@code skipped} (its interchange was a duplicate)
 * @param documentId   the tracked document it became, or null when rejected or skipped
 */
public record EdiTransactionRecord(String partnerId, String fileName, String interchangeControlNumber,
        String groupControlNumber, String transactionControlNumber, String transactionSet, String externalNumber,
        String documentId, String state, String reason, String canonicalOrder) {

    /** The same transaction in another state, with or without its canonical order. */
    public EdiTransactionRecord withState(String newState, String order) {
        return new EdiTransactionRecord(partnerId, fileName, interchangeControlNumber, groupControlNumber,
                transactionControlNumber, transactionSet, externalNumber, documentId, newState, reason, order);
    }
}
