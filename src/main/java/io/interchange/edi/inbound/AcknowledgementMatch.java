package io.interchange.edi.inbound;

import io.interchange.edi.outbound.SentDocument;

/**
 * One verdict of a partner acknowledgement and the document we sent that it is about, or no
 * document when the acknowledgement names a control number we never used (or no longer know).
 *
 * @param referencedTransaction the ST02 / UNH 0062 the partner named; null for a group- or interchange-level verdict
 * @param codes                 the partner's codes, e.g. {@code AK5 R 5; AK9 R 1 0 0}
 */
public record AcknowledgementMatch(SentDocument document, String referencedTransaction, AcknowledgementStatus status,
        String codes) {

    public boolean matched() {
        return document != null;
    }
}
