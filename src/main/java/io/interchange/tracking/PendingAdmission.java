package io.interchange.tracking;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An admission between its two halves: the new document's row is inserted but not committed while
 * the document goes on the bus; {@link #commit} follows the send. Its transaction holds the business
 * key, so a concurrent admission of the same key waits until this one commits or rolls back.
 * Closing it without a commit (the send failed, the route failed) rolls the row back: nothing was
 * admitted and the sender may try again. A known business key gives a pending admission that is
 * already {@linkplain #admission() answered} and has nothing to send.
 */
public final class PendingAdmission implements AutoCloseable {

    private final Connection connection;
    private final Admission admission;
    private boolean open;

    PendingAdmission(Connection connection, Admission admission) {
        this.connection = connection;
        this.admission = admission;
        this.open = connection != null;
    }

    static PendingAdmission known(Admission admission) {
        return new PendingAdmission(null, admission);
    }

    /** True when the document is new: it must go on the bus before {@link #commit}. */
    public boolean isNew() {
        return connection != null;
    }

    public Admission admission() {
        return admission;
    }

    /** Makes the admission durable in the tracking store; call only once the document is on the bus. */
    public Admission commit() {
        if (!open) {
            throw new IllegalStateException("Admission of " + admission.documentId() + " is not pending");
        }
        try (connection) {
            open = false;
            connection.commit();
            return admission;
        } catch (SQLException e) {
            throw new TrackingException("Cannot commit the admission of " + admission.documentId(), e);
        }
    }

    /** Rolls back unless committed. Never throws: it runs on failure paths. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // the pool discards a connection whose rollback failed; the row was never committed
        }
    }
}
