package io.interchange.tracking;

import java.time.Instant;

/**
 * An ERP attempt that has started but is not on the document's history yet: processing writes it
 * in the same transaction as the attempt's outcome (accepted, rejected, failed, dead-lettered), so
 * an order costs one database transaction instead of one before the ERP call and one after it.
 *
 * @param number    the attempt's number (1 for the first delivery)
 * @param startedAt when the ERP call was about to be made
 */
public record AttemptStart(int number, Instant startedAt) {
}
