package io.interchange.edi.inbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.outbound.SentDocument;

/**
 * Which of the documents we sent a partner acknowledgement is about, and what it says of each.
 * The candidates are our documents in the group (X12: AK102 = our GS06) or interchange (EDIFACT:
 * UCI 0020 = our UNB 0020) it refers to. A transaction it names (AK202 / UCM 0062 = our ST02 /
 * UNH 0062, with a matching set id when given) takes that verdict; the documents of the group or
 * interchange it does not name take the overall one (AK9 / UCI), as the standards read: an
 * accepted group may leave out its AK2s, and CONTRL action 7 acknowledges every lower level not
 * explicitly rejected. Anything that names no document of ours is returned unmatched.
 */
public final class PartnerAcknowledgementMatcher {

    public List<AcknowledgementMatch> match(PartnerAcknowledgement ack, List<SentDocument> candidates) {
        String reference = SentDocument.normalize(ack.reference());
        List<SentDocument> inScope = candidates.stream()
                .filter(document -> reference != null && reference.equals(SentDocument.normalize(
                        ack.standard() == EdiStandard.X12 ? document.groupControlNumber()
                                : document.interchangeControlNumber())))
                .toList();
        List<AcknowledgementMatch> matches = new ArrayList<>();
        Set<Long> named = new HashSet<>();
        for (PartnerAcknowledgement.Transaction transaction : ack.transactions()) {
            String number = SentDocument.normalize(transaction.controlNumber());
            SentDocument document = inScope.stream()
                    .filter(d -> number != null && number.equals(SentDocument.normalize(d.transactionControlNumber())))
                    .filter(d -> transaction.setId() == null || transaction.setId().equals(d.setId()))
                    .findFirst().orElse(null);
            if (document != null) {
                named.add(document.id());
            }
            matches.add(new AcknowledgementMatch(document, transaction.controlNumber(), transaction.status(),
                    transaction.codes() + "; " + ack.overallCodes()));
        }
        List<SentDocument> unnamed = inScope.stream().filter(d -> !named.contains(d.id())).toList();
        if (!ack.transactions().isEmpty() && unnamed.isEmpty()) {
            return matches;
        }
        if (unnamed.isEmpty()) {
            // nothing of ours in that group or interchange
            matches.add(new AcknowledgementMatch(null, null, ack.overall(), ack.overallCodes()));
        }
        unnamed.forEach(d -> matches.add(new AcknowledgementMatch(d, null, ack.overall(), ack.overallCodes())));
        return matches;
    }
}
