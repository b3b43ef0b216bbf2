package io.interchange.edi.intake;

/** A syntactically valid transaction whose content cannot become a canonical order (mapping or schema). */
public class TransactionRejectedException extends RuntimeException {

    public TransactionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
