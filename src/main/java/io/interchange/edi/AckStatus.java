package io.interchange.edi;

/**
 * The acknowledgement verdict of a transaction or a group: X12 AK5-01/IK5-01/AK9-01 codes and
 * the EDIFACT CONTRL action code (0083: 7 acknowledged, 4 rejected).
 */
public enum AckStatus {
    ACCEPTED("A", "7"),
    ACCEPTED_WITH_ERRORS("E", "7"),
    PARTIALLY_ACCEPTED("P", "7"),
    REJECTED("R", "4");

    private final String x12;
    private final String edifactAction;

    AckStatus(String x12, String edifactAction) {
        this.x12 = x12;
        this.edifactAction = edifactAction;
    }

    public String x12() {
        return x12;
    }

    public String edifactAction() {
        return edifactAction;
    }
}
