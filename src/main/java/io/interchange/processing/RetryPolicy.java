package io.interchange.processing;

import java.time.Duration;
import java.time.Instant;

/**
 * Retry or dead-letter, for an order whose delivery to the ERP did not end in an answer. Two kinds of
 * "no answer":
 * <ul>
 *   <li>a <b>failure</b>: the call was made (or may have been) and failed; it is an attempt. After
 *       {@code maxAttempts} of them, or once the order has been failing for {@code maxAge} since its
 *       first failure, it goes to the dead-letter queue; otherwise it waits {@link RetrySchedule}.</li>
 *   <li>a <b>refusal</b>: the ERP circuit breaker refused the call or held it back; no call was made,
 *       so it is not an attempt and never dead-letters an order by itself. Only an order that already
 *       failed and has been failing for longer than {@code maxAge} goes to the dead-letter queue then:
 *       that is how an order that always fails still gets out while its own failures keep the breaker
 *       cycling.</li>
 *   <li>a <b>wait</b>: the delivery needs something another flow has not recorded yet
 *       ({@link NotYetException}); no attempt either. Its clock starts at the first wait, it comes
 *       back after as long again as it has waited (within the schedule's bounds), and it goes to the
 *       dead-letter queue once it has waited for {@code maxAge}.</li>
 * </ul>
 * An order that has never failed is never dead-lettered for its age: while the ERP is away it waits.
 */
public record RetryPolicy(int maxAttempts, Duration maxAge, RetrySchedule schedule) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be 1 or more, got " + maxAttempts);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the maximum age must be positive, got " + maxAge);
        }
    }

    /** What happens to an order: dead-lettered (with why), or tried again after {@code delay}. */
    public record Verdict(boolean deadLetter, RetryState next, Duration delay, String reason) {
    }

    /** The delivery made an attempt that failed with {@code failure}. */
    public Verdict afterFailure(RetryState before, String failure, Instant now, double random) {
        Instant since = before.hasFailed() ? before.failingSince() : now;
        RetryState next = new RetryState(before.attemptsMade() + 1, since, failure);
        if (next.attemptsMade() >= maxAttempts) {
            return new Verdict(true, next, Duration.ZERO, failure);
        }
        if (isOverdue(next, now)) {
            return new Verdict(true, next, Duration.ZERO, tooOld(next));
        }
        return new Verdict(false, next, schedule.delayAfter(next.attemptsMade(), random), failure);
    }

    /** The breaker refused or held the call: no attempt was made. */
    public Verdict afterRefusal(RetryState before, Instant now, double random) {
        if (isOverdue(before, now)) {
            return new Verdict(true, before, Duration.ZERO, tooOld(before));
        }
        // comes back soon: the breaker's gate holds it while the breaker stays open
        return new Verdict(false, before, schedule.delayAfter(1, random), "the ERP circuit breaker refused the call");
    }

    /** The delivery waits for something another flow records first ({@link NotYetException}). */
    public Verdict afterWait(RetryState before, String reason, Instant now, double random) {
        Instant since = before.hasFailed() ? before.failingSince() : now;
        RetryState next = new RetryState(before.attemptsMade(), since, reason);
        if (isOverdue(next, now)) {
            return new Verdict(true, next, Duration.ZERO, "still waiting " + maxAge + " after it began (maximum age): " + reason);
        }
        return new Verdict(false, next, schedule.delayAfterWaiting(Duration.between(since, now), random), reason);
    }

    /** True when the order has failed and has kept failing for the maximum age. */
    public boolean isOverdue(RetryState state, Instant now) {
        return state.hasFailed() && !now.isBefore(state.failingSince().plus(maxAge));
    }

    private String tooOld(RetryState state) {
        return "still failing " + maxAge + " after its first failure (maximum age); last failure: " + state.lastFailure();
    }
}
