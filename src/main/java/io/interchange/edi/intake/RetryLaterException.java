package io.interchange.edi.intake;

/**
 * The file cannot be processed now but may be later (the database or the bus is unavailable, the
 * partner is still writing it). The intake leaves it in {@code inbound/} for the next poll.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
