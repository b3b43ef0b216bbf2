package io.interchange.edi;

/** A file or document that cannot be read or written as EDI at all (as opposed to validation problems). */
public class EdiException extends RuntimeException {

    public EdiException(String message) {
        super(message);
    }

    public EdiException(String message, Throwable cause) {
        super(message, cause);
    }
}
