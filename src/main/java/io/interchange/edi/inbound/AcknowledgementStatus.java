package io.interchange.edi.inbound;

/**
 * What a partner's 997/999/CONTRL said about a document we sent. Codes the standards define and
 * that we do not know are taken for a rejection: ops had rather look at one too many.
 */
public enum AcknowledgementStatus {
    ACCEPTED("accepted", "ok"),
    ACCEPTED_WITH_ERRORS("accepted with errors", "ok"),
    REJECTED("rejected", "rejected"),
    /** CONTRL action 8: the interchange arrived, its content was not checked (yet). */
    RECEIVED("received", "ok");

    private final String text;
    private final String outcome;

    AcknowledgementStatus(String text, String outcome) {
        this.text = text;
        this.outcome = outcome;
    }

    /** As ops read it: {@code accepted}, {@code accepted with errors}, {@code rejected}, {@code received}. */
    public String text() {
        return text;
    }

    /** The outcome of the timeline hop: {@code ok} or {@code rejected}. */
    public String outcome() {
        return outcome;
    }

    /**
     * X12 AK501 / IK501 / AK901: A accepted, E accepted with errors noted, P partially accepted
     * (group level: some transactions rejected); R, M, W, X are rejections.
     */
    public static AcknowledgementStatus ofX12(String code) {
        if (code == null) {
            return REJECTED;
        }
        return switch (code) {
            case "A" -> ACCEPTED;
            case "E", "P" -> ACCEPTED_WITH_ERRORS;
            default -> REJECTED;
        };
    }

    /**
     * EDIFACT action code 0083 of UCI / UCF / UCM: 7 acknowledged (an error code 0085 beside it
     * makes it accepted with errors), 4 rejected, 8 received.
     */
    public static AcknowledgementStatus ofEdifact(String action, boolean errorCode) {
        if (action == null) {
            return REJECTED;
        }
        return switch (action) {
            case "7" -> errorCode ? ACCEPTED_WITH_ERRORS : ACCEPTED;
            case "8" -> RECEIVED;
            default -> REJECTED;
        };
    }
}
