package io.interchange.processing;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * The headers every dead letter of Interchange carries, whichever flow put it there: reason,
 * exception class, failing route, attempts, when, and the queue to replay it to. The admin API
 * and JMX list and replay dead letters by them.
 */
public final class DeadLetterHeaders {

    public static final String ERROR = "interchangeError";
    public static final String ERROR_CLASS = "interchangeErrorClass";
    public static final String FAILED_ROUTE = "interchangeFailedRoute";
    public static final String ATTEMPTS = "interchangeAttempts";
    public static final String DEAD_LETTERED_AT = "interchangeDeadLetteredAt";
    public static final String ORIGINAL_QUEUE = "interchangeOriginalQueue";

    private DeadLetterHeaders() {
    }

    /** Marks the exchange's message as a dead letter of {@code originalQueue}; returns the reason. */
    public static String mark(Exchange exchange, String originalQueue) {
        Message message = exchange.getMessage();
        Throwable cause = caught(exchange);
        String reason = describe(cause);
        message.setHeader(ERROR, reason);
        message.setHeader(ERROR_CLASS, cause == null ? "unknown" : cause.getClass().getName());
        message.setHeader(FAILED_ROUTE, exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class));
        message.setHeader(ATTEMPTS, DeliveryAttempts.current(exchange));
        message.setHeader(DEAD_LETTERED_AT, Instant.now().toString());
        message.setHeader(ORIGINAL_QUEUE, originalQueue);
        return reason;
    }

    /** The failure as thrown, without the wrappers Camel adds (e.g. around the circuit breaker). */
    public static Throwable caught(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (cause instanceof RuntimeCamelException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
