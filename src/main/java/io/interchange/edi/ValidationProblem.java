package io.interchange.edi;

/**
 * One syntax error inside a transaction, with what an AK3/AK4 (IK3/IK4, UCS/UCD) needs.
 * Positions are 1-based; 0 means "not applicable".
 *
 * @param segmentTag the segment in error (for a missing segment: the one that is missing)
 * @param segmentPosition position in the transaction counting the ST/UNH header as 1 (AK302)
 * @param loopId id of the innermost loop the error was found in, e.g. {@code PO1}, or {@code null} (AK303)
 * @param elementPosition element position in the segment (AK401-1), 0 for segment-level errors
 * @param componentPosition component position in a composite (AK401-2), 0 if none
 * @param repetition occurrence of a repeating element (AK401-3), 0 if none
 * @param elementReference data element reference number from the schema (AK402), or {@code null}
 * @param badData copy of the bad data, abbreviated to 99 characters (AK404), or {@code null}
 */
public record ValidationProblem(String segmentTag, int segmentPosition, String loopId, int elementPosition,
        int componentPosition, int repetition, String elementReference, String badData, AckCode code) {

    static final int MAX_BAD_DATA = 99;

    public ValidationProblem {
        if (badData != null && badData.length() > MAX_BAD_DATA) {
            badData = badData.substring(0, MAX_BAD_DATA);
        }
    }

    public boolean elementLevel() {
        return elementPosition > 0;
    }

    @Override
    public String toString() {
        String where = segmentTag + (elementLevel() ? String.format("%02d", elementPosition) : "")
                + (componentPosition > 0 ? String.format("-%02d", componentPosition) : "")
                + " (segment " + segmentPosition + (loopId == null ? "" : " in loop " + loopId) + ")";
        return where + " " + code + (badData == null || badData.isEmpty() ? "" : " '" + badData + "'");
    }
}
