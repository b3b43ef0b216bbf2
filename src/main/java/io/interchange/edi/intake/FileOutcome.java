package io.interchange.edi.intake;

import java.util.List;

/**
 * What reading one file came to: the acknowledgements to deliver, the interchanges to register
 * once they are delivered, and every rejection (empty when the whole file went through).
 */
public record FileOutcome(String partnerId, String fileName, String fileKey, int admitted, int duplicates,
        List<OutboundDocument> acknowledgements, List<ReceivedInterchange> interchanges, List<String> rejections) {

    public record ReceivedInterchange(String controlNumber, int transactions) {
    }

    public String summary() {
        return fileName + ": " + admitted + " order(s) admitted, " + duplicates + " already known, "
                + rejections.size() + " rejection(s), " + acknowledgements.size() + " acknowledgement(s)";
    }
}
