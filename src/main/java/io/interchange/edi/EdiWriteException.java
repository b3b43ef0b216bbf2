package io.interchange.edi;

/** An outbound document that does not validate against its schema, or a tree that does not fit it. */
public class EdiWriteException extends EdiException {

    public EdiWriteException(String message) {
        super(message);
    }

    public EdiWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
