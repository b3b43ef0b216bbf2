package io.interchange.processing;

import org.apache.camel.Exchange;

/**
 * What a flow notes, besides the log line, when a delivery of its document fails: the one policy
 * ({@link DeliveryProgress}) decides and marks; each flow only says where its failures are recorded
 * (the document's state, its timeline, a counter). Never throws into the error handler: a failure
 * to record is logged and the retry or the dead letter happens all the same.
 */
public interface DeliveryRecord {

    /** The delivery failed and goes back to its queue, due later; {@code detail} says why and when. */
    void retrying(Exchange exchange, String detail);

    /** No more attempts: the message goes to the dead-letter queue for {@code reason}. */
    void deadLettered(Exchange exchange, String reason, int attempts);

    /** For a flow that records nothing beyond the log line. */
    DeliveryRecord LOG_ONLY = new DeliveryRecord() {
        @Override
        public void retrying(Exchange exchange, String detail) {
        }

        @Override
        public void deadLettered(Exchange exchange, String reason, int attempts) {
        }
    };
}
