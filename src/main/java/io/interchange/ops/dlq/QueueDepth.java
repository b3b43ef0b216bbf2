package io.interchange.ops.dlq;

/** How many messages wait on a queue of the bus. */
public interface QueueDepth {

    /** Messages on {@code queue} now; -1 when the broker cannot tell (queue missing, broker away). */
    long messages(String queue);
}
