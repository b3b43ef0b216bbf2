package io.interchange.model;

/**
 * Names of the headers that travel with a document on every hop: Camel headers, JMS properties
 * and Kafka headers. They are valid Java identifiers so JMS carries them unchanged.
 */
public final class DocumentHeaders {

    public static final String DOCUMENT_ID = "documentId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String BUSINESS_KEY = "businessKey";
    public static final String CHANNEL = "channel";
    public static final String PARTNER_ID = "partnerId";
    public static final String DOCUMENT_TYPE = "documentType";
    /** Epoch milliseconds at which Interchange received the document. */
    public static final String RECEIVED_AT = "receivedAt";
    public static final String ERP_ORDER_NUMBER = "erpOrderNumber";

    /** Set by Artemis on each delivery: 1 for the first. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    /** The HTTP header a caller may use to supply its own correlation id. */
    public static final String HTTP_CORRELATION_ID = "X-Correlation-ID";

    private DocumentHeaders() {
    }
}
