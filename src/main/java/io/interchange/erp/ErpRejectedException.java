package io.interchange.erp;

/**
 * The ERP refused the document for a business reason (HTTP 400, 409 or 422). Final: sending the
 * same document again gives the same answer, so it is not retried.
 */
public class ErpRejectedException extends Exception {

    private final int status;

    public ErpRejectedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
