package io.interchange.edi.intake;

/**
 * The file is refused as a whole or in part (not EDI, over the size limit, rejected
 * interchanges or transactions). Its message becomes the reason file beside it in {@code error/}.
 */
public class FileRefusedException extends RuntimeException {

    public FileRefusedException(String message) {
        super(message);
    }

    public FileRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
