package io.interchange.edi;

/**
 * An envelope problem as found: which error, on which segment and element, with the data that
 * was there (e.g. the SE01 count the partner sent).
 */
public record EnvelopeProblem(EnvelopeError error, String segmentTag, int elementPosition, String badData) {

    @Override
    public String toString() {
        return error + " at " + segmentTag + (elementPosition > 0 ? String.format("%02d", elementPosition) : "")
                + (badData == null ? "" : " '" + badData + "'");
    }
}
