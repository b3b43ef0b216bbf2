package io.interchange.edi;

/** The input does not start with an X12 ISA or an EDIFACT UNA/UNB header. */
public class NotEdiException extends EdiException {

    public NotEdiException(String message) {
        super(message);
    }
}
