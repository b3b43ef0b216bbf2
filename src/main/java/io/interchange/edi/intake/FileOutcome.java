package io.interchange.edi.intake;

import java.util.List;
import java.util.Map;

/**
 * What reading one file came to: the acknowledgements to write and deliver, the interchanges to
 * register once they are delivered, every rejection (empty when the whole file went through),
 * what was skipped or repaired on the way (notes, no rejection) and the transactions by outcome.
 */
public record FileOutcome(String partnerId, String fileName, String fileKey, int admitted, int duplicates,
        List<AcknowledgementDraft> acknowledgements, List<ReceivedInterchange> interchanges, List<String> rejections,
        List<String> notes, Map<String, Integer> transactions) {

    public record ReceivedInterchange(String controlNumber, int transactions) {
    }

    public String summary() {
        return fileName + ": " + admitted + " order(s) admitted, " + duplicates + " already known, "
                + rejections.size() + " rejection(s), " + acknowledgements.size() + " acknowledgement(s)"
                + (notes.isEmpty() ? "" : "; noted: " + String.join("; ", notes));
    }
}
