package io.interchange.processing;

import io.interchange.tracking.DocumentTracker;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idempotent repository of {@code process-orders}: an order is "already processed" when its
 * tracking row holds the ERP's final answer (accepted or rejected). The row is the record; the
 * answer is written to it in the same transaction as its state ({@link DocumentTracker#settle}),
 * so this repository writes nothing: {@link #add} and {@link #remove} only answer. A copy of a
 * dead-lettered order is not settled and goes to the ERP again when it is replayed.
 *
 * <p>Before, a second store (Camel's JDBC repository, {@code CAMEL_MESSAGEPROCESSED}) kept the same
 * fact in a row of its own, one more insert and commit per order, written when the exchange
 * completed and so after the state anyway.
 */
public class SettledOrders extends ServiceSupport implements IdempotentRepository {

    private final DocumentTracker tracker;

    public SettledOrders(DocumentTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public boolean contains(String documentId) {
        return tracker.isSettled(documentId);
    }

    /**
     * Records nothing and says so (false): the settle step already wrote the answer. For an
     * idempotent consumer with {@code eager: false}, which calls this when the exchange completed
     * and ignores the result; an eager one would take every order for a duplicate.
     */
    @Override
    public boolean add(String documentId) {
        return false;
    }

    /** A final answer is never taken back. */
    @Override
    public boolean remove(String documentId) {
        return false;
    }

    @Override
    public boolean confirm(String documentId) {
        return true;
    }

    /** Nothing to clear: the tracking store is not this repository's to empty. */
    @Override
    public void clear() {
        // the records are the documents' own rows
    }
}
