package io.interchange.processing;

import java.time.Duration;

/**
 * How long an order waits before its next attempt at the ERP: exponential from
 * {@code initialDelay} by {@code multiplier} up to {@code maxDelay}, with jitter so that orders
 * failing together spread out again.
 *
 * <p>The jitter only ever shortens a delay, and never below the longest delay the previous attempt
 * could have drawn: the delays of one order never shrink from one attempt to the next, whatever the
 * random draws (Artemis' own collision avoidance jitters both ways, so a capped delay could follow a
 * longer one). Once the cap is reached the delay is the cap.
 */
public record RetrySchedule(Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

    public RetrySchedule {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays need 0 < initial <= max, got " + initialDelay + " and " + maxDelay);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("the retry multiplier must be 1 or more, got " + multiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("the retry jitter must be in [0, 1), got " + jitter);
        }
    }

    /**
     * The wait after {@code attemptsMade} failed attempts, before the next one.
     *
     * @param random a draw in [0, 1): 0 gives the full delay, towards 1 the most jitter
     */
    public Duration delayAfter(int attemptsMade, double random) {
        long full = ceiling(attemptsMade);
        long shortest = Math.max((long) (full * (1 - jitter)), attemptsMade <= 1 ? 0 : ceiling(attemptsMade - 1));
        return Duration.ofMillis(full - (long) ((full - shortest) * random));
    }

    /**
     * The wait of a delivery that has been waiting for {@code waited} ({@link RetryPolicy#afterWait}):
     * as long again, within {@code initialDelay} and {@code maxDelay}, shortened by the jitter.
     */
    public Duration delayAfterWaiting(Duration waited, double random) {
        long full = Math.min(Math.max(waited.toMillis(), initialDelay.toMillis()), maxDelay.toMillis());
        return Duration.ofMillis(full - (long) (full * jitter * random));
    }

    /** The un-jittered delay after {@code attemptsMade} failures: initial * multiplier^(n-1), capped. */
    long ceiling(int attemptsMade) {
        double delay = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        return (long) Math.min(delay, maxDelay.toMillis());
    }
}
