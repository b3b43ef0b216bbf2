package io.interchange.edi;

/** How much a failing transaction takes down with it when acknowledging a group. */
public enum AckPolicy {
    /** Reject only the transactions in error; the others are accepted (AK9 P when some fail). */
    REJECT_FAILING_TRANSACTIONS,
    /** Any error rejects the whole group (AK9 R, AK904 0); for partners that resend whole files. */
    REJECT_WHOLE_GROUP
}
