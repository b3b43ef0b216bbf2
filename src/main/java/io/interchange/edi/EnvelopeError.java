package io.interchange.edi;

/**
 * Problems of the envelope rather than the content: trailer counts and control numbers that do
 * not match their header, unsupported transaction sets, broken header/trailer elements. Each
 * carries the X12 code of its level (AK502/IK502 for transactions, AK905 for groups, TA105 for
 * interchanges) and the EDIFACT CONTRL syntax error code (0085).
 */
public enum EnvelopeError {
    TRANSACTION_NOT_SUPPORTED(Level.TRANSACTION, "1", "17", "Transaction set not supported"),
    TRANSACTION_CONTROL_NUMBER_MISMATCH(Level.TRANSACTION, "3", "28",
            "Transaction set control number in header and trailer do not match"),
    TRANSACTION_SEGMENT_COUNT_MISMATCH(Level.TRANSACTION, "4", "29",
            "Number of included segments does not match actual count"),
    TRANSACTION_ENVELOPE_INVALID(Level.TRANSACTION, "6", "12",
            "Missing or invalid transaction set header or trailer element"),
    GROUP_CONTROL_NUMBER_MISMATCH(Level.GROUP, "4", "28",
            "Group control number in the functional group header and trailer do not agree"),
    GROUP_TRANSACTION_COUNT_MISMATCH(Level.GROUP, "5", "29",
            "Number of included transaction sets does not match actual count"),
    GROUP_ENVELOPE_INVALID(Level.GROUP, null, "12", "Invalid functional group header or trailer element"),
    GROUP_TRAILER_MISSING(Level.GROUP, "3", "13", "Functional group trailer missing"),
    SEGMENT_OUTSIDE_TRANSACTION(Level.GROUP, null, "33", "Segment found outside a transaction"),
    INTERCHANGE_CONTROL_NUMBER_MISMATCH(Level.INTERCHANGE, "001", "28",
            "Interchange control number in the header and trailer do not match"),
    INTERCHANGE_GROUP_COUNT_MISMATCH(Level.INTERCHANGE, "021", "29",
            "Number of included groups (or messages) does not match actual count"),
    INTERCHANGE_ENVELOPE_INVALID(Level.INTERCHANGE, "024", "12", "Invalid interchange header or trailer content"),
    INTERCHANGE_SENDER_UNKNOWN(Level.INTERCHANGE, "006", "23", "Unknown interchange sender"),
    /** TA1 007: the receiver id is ours but under another qualifier. EDIFACT 7: recipient not actual recipient. */
    INTERCHANGE_RECEIVER_QUALIFIER_INVALID(Level.INTERCHANGE, "007", "7", "Invalid interchange receiver id qualifier"),
    INTERCHANGE_RECEIVER_UNKNOWN(Level.INTERCHANGE, "008", "7", "Interchange addressed to another receiver"),
    /** TA1 023: improper (premature) end of file; EDIFACT 13: missing (UNZ). */
    INTERCHANGE_TRAILER_MISSING(Level.INTERCHANGE, "023", "13", "Interchange trailer missing (premature end of file)"),
    INTERCHANGE_DUPLICATE(Level.INTERCHANGE, "025", "26", "Duplicate interchange control number");

    /** The envelope level an error belongs to. */
    public enum Level { TRANSACTION, GROUP, INTERCHANGE }

    private final Level level;
    private final String x12;
    private final String edifact;
    private final String description;

    EnvelopeError(Level level, String x12, String edifact, String description) {
        this.level = level;
        this.x12 = x12;
        this.edifact = edifact;
        this.description = description;
    }

    public Level level() {
        return level;
    }

    /** AK502/IK502, AK905 or TA105 depending on {@link #level()}; {@code null} when X12 has no code for it. */
    public String x12() {
        return x12;
    }

    /** CONTRL syntax error code (0085). */
    public String edifact() {
        return edifact;
    }

    public String description() {
        return description;
    }
}
