package io.interchange.model;

import java.util.Locale;

/** Where a document stands between intake and the ERP's answer. */
public enum DocumentState {
    /** Validated and durable on the bus. */
    RECEIVED,
    /** Being posted to the ERP (possibly after failed attempts). */
    SUBMITTED,
    /** The ERP took it and gave an order number. */
    ACCEPTED,
    /** The ERP refused it for a business reason; not retried. */
    REJECTED,
    /** Every attempt failed; it waits in the dead-letter queue. */
    DEAD_LETTERED;

    /** The name used in the API: lower case with dashes, e.g. {@code dead-lettered}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }
}
