package io.interchange.model;

/**
 * What every canonical document admitted to the bus has, whatever its type: the sender, the
 * business key that makes it unique, and the identity Interchange gives it on admission. One
 * admission ({@code io.interchange.admission.DocumentAdmission}) serves every type through it.
 */
public interface CanonicalDocument {

    /** The type as the tracking store and the bus name it: {@code order}, {@code cancellation}. */
    String documentType();

    /** Given at admission; null before. */
    String documentId();

    String correlationId();

    Source source();

    BusinessKey businessKey();

    /** The same document with the ids and channel given at admission. */
    CanonicalDocument withIdentity(String documentId, String correlationId, String channel);
}
