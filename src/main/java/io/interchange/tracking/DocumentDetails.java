package io.interchange.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Channel-specific facts about a tracked document (e.g. the EDI file and control numbers it came
 * in), added to what {@code GET /api/v1/orders/{documentId}} shows.
 */
public interface DocumentDetails {

    void addTo(String documentId, ObjectNode document);
}
