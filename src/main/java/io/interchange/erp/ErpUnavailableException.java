package io.interchange.erp;

/**
 * The ERP could not take the document now: 5xx, 408, 429, or an answer that points at our side of
 * the connection (401, 403, 404). Transient: retried with backoff, then dead-lettered.
 */
public class ErpUnavailableException extends Exception {

    public ErpUnavailableException(String message) {
        super(message);
    }
}
