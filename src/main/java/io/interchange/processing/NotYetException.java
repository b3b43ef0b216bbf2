package io.interchange.processing;

/**
 * A delivery that cannot be made yet because something another flow records first is not recorded
 * yet (an 855 whose order's EDI origin comes with its file's next read). Not a failure and not an
 * attempt: the message comes back after a wait that grows with the time already waited, and is
 * dead-lettered with this reason only once it has waited for the maximum age
 * ({@link RetryPolicy#afterWait}).
 */
public class NotYetException extends RuntimeException {

    public NotYetException(String message) {
        super(message);
    }
}
