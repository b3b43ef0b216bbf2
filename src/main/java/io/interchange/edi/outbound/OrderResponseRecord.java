package io.interchange.edi.outbound;

import io.interchange.edi.intake.EdiTracking;
import io.interchange.model.DocumentHeaders;
import io.interchange.processing.DeliveryRecord;
import org.apache.camel.Exchange;

/**
 * A dead-lettered 855/ORDRSP (mapping failure, partner's SFTP server down) gets an
 * {@code order-response-dead-lettered} hop on its order's timeline, from which ops replay it once
 * the cause is fixed; a retry or a wait (its order's EDI origin not recorded yet) an
 * {@code order-response-retrying} hop saying why and when it is tried again.
 */
public class OrderResponseRecord implements DeliveryRecord {

    private final EdiTracking tracking;

    public OrderResponseRecord(EdiTracking tracking) {
        this.tracking = tracking;
    }

    @Override
    public void retrying(Exchange exchange, String detail) {
        String documentId = exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
        if (documentId != null) {
            tracking.responseRetrying(documentId, detail);
        }
    }

    @Override
    public void deadLettered(Exchange exchange, String reason, int attempts) {
        String documentId = exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
        if (documentId != null) {
            tracking.responseFailed(documentId, "after " + attempts + " attempts: " + reason);
        }
    }
}
