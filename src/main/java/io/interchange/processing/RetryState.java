package io.interchange.processing;

import java.time.Instant;

/**
 * Where an order stands in its retries when a delivery of it starts: attempts already made at the
 * ERP, since when it has been failing (null: it has not failed yet) and why it last failed. Carried
 * by the message itself (see {@link OrderRetries}), so it survives restarts without any store.
 */
public record RetryState(int attemptsMade, Instant failingSince, String lastFailure) {

    public static final RetryState FRESH = new RetryState(0, null, null);

    public boolean hasFailed() {
        return failingSince != null;
    }
}
