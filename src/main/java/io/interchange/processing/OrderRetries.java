package io.interchange.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.interchange.model.DocumentHeaders;
import io.interchange.ops.breaker.ErpHoldAbandonedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/**
 * Applies the {@link RetryPolicy} to an order whose ERP delivery failed. A retry is not a broker
 * rollback: the route sends a copy of the order back to its queue, scheduled for the retry time and
 * carrying its {@link RetryState} in headers, in the same transaction that consumes the original.
 * A rollback would raise the broker's delivery count for every kind of failure, including a call
 * the open breaker refused, and Artemis' backoff can only follow that count; with the copy the
 * attempt count, the age and the delay are decided here and a refused call costs nothing.
 * The broker's own redelivery (after a crash or a failed transaction) still counts: each delivery
 * past the first is an attempt that may have reached the ERP.
 */
public class OrderRetries {

    /** Attempts made at the ERP before the copy was sent. */
    public static final String ATTEMPTS_MADE = "interchangeAttemptsMade";
    /** Epoch milliseconds of the order's first failed attempt. */
    public static final String FAILING_SINCE = "interchangeFailingSince";
    public static final String LAST_FAILURE = "interchangeLastFailure";
    /** Artemis delivers a message carrying this property (epoch milliseconds) no earlier than then. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    static final String VERDICT = "interchangeRetryVerdict";

    private final RetryPolicy policy;
    private final Clock clock;

    public OrderRetries(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Where the order on this exchange stands, before this delivery's outcome. */
    public static RetryState state(Exchange exchange) {
        Message message = exchange.getMessage();
        int made = message.getHeader(ATTEMPTS_MADE, 0, Integer.class) + DeliveryAttempts.redeliveries(exchange);
        Long since = message.getHeader(FAILING_SINCE, Long.class);
        return new RetryState(made, since == null ? null : Instant.ofEpochMilli(since),
                message.getHeader(LAST_FAILURE, String.class));
    }

    /** Decides the failed delivery's outcome (kept on the exchange for the steps after); true: dead-letter it. */
    public boolean shouldDeadLetter(Exchange exchange) {
        Throwable cause = DeadLetterHeaders.caught(exchange);
        RetryState before = state(exchange);
        double random = ThreadLocalRandom.current().nextDouble();
        NotYetException wait = ObjectHelper.getException(NotYetException.class, cause);
        RetryPolicy.Verdict verdict;
        if (wait != null) {
            verdict = policy.afterWait(before, wait.getMessage(), clock.instant(), random);
        } else if (isRefusal(cause)) {
            verdict = policy.afterRefusal(before, clock.instant(), random);
        } else {
            verdict = policy.afterFailure(before, DeadLetterHeaders.describe(cause), clock.instant(), random);
        }
        exchange.setProperty(VERDICT, verdict);
        return verdict.deadLetter();
    }

    /** Turns the original order into its retry copy: the state it carries and when it is due. */
    public void prepareCopy(Exchange exchange) {
        RetryPolicy.Verdict verdict = verdict(exchange);
        Message message = exchange.getMessage();
        RetryState next = verdict.next();
        message.setHeader(ATTEMPTS_MADE, next.attemptsMade());
        if (next.hasFailed()) {
            message.setHeader(FAILING_SINCE, next.failingSince().toEpochMilli());
            message.setHeader(LAST_FAILURE, next.lastFailure());
        }
        message.setHeader(SCHEDULED_DELIVERY, clock.instant().plus(verdict.delay()).toEpochMilli());
        message.removeHeader(DocumentHeaders.DELIVERY_COUNT);
    }

    /** A dead letter starts afresh when replayed: it keeps none of the retry state. */
    public static void forget(Message message) {
        message.removeHeaders(ATTEMPTS_MADE + "|" + FAILING_SINCE + "|" + LAST_FAILURE + "|" + SCHEDULED_DELIVERY);
    }

    /** For the breaker's gate: an order that has been failing for its maximum age stops waiting. */
    public boolean isOverdue(Exchange exchange) {
        return policy.isOverdue(state(exchange), clock.instant());
    }

    public static RetryPolicy.Verdict verdict(Exchange exchange) {
        return exchange.getProperty(VERDICT, RetryPolicy.Verdict.class);
    }

    static boolean isWait(Throwable cause) {
        return ObjectHelper.getException(NotYetException.class, cause) != null;
    }

    static boolean isRefusal(Throwable cause) {
        return ObjectHelper.getException(CallNotPermittedException.class, cause) != null
                || ObjectHelper.getException(ErpHoldAbandonedException.class, cause) != null;
    }
}
