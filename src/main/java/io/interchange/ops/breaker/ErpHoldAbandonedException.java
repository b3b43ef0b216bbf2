package io.interchange.ops.breaker;

/**
 * Thrown by the breaker's gate for an exchange it stops holding because the exchange's own
 * deadline passed while the ERP breaker kept it waiting (an order failing for longer than its
 * maximum age). No ERP call was made: it is not an attempt.
 */
public class ErpHoldAbandonedException extends Exception {

    public ErpHoldAbandonedException(String message) {
        super(message);
    }
}
