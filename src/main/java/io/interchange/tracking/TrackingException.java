package io.interchange.tracking;

/** The tracking store could not be read or written; transient from the caller's point of view. */
public class TrackingException extends RuntimeException {

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
