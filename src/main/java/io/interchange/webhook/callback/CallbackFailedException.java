package io.interchange.webhook.callback;

/** A status callback was not taken (no 2xx, or it could not be sent); retried, then dead-lettered. */
public class CallbackFailedException extends Exception {

    public CallbackFailedException(String message) {
        super(message);
    }
}
