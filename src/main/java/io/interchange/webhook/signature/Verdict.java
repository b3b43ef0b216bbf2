package io.interchange.webhook.signature;

/** What a signature check found. Only {@link #VALID} lets a delivery in. */
public enum Verdict {
    VALID,
    /** The signature header is absent or unreadable. */
    MISSING,
    /** No active secret gives the signature that came with the body. */
    INVALID,
    /** Correctly signed, but the signed timestamp is outside the tolerance: a possible replay. */
    STALE
}
