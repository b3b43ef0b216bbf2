package io.interchange.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One instance as its last heartbeat described it: since when it runs, when it was last seen, its
 * version and HTTP address, how many of its routes run, and which intakes it holds suspended.
 */
public record InstanceRecord(String nodeId, Instant startedAt, Instant lastSeenAt, String version, String httpUrl,
        int routesUp, int routesTotal, List<String> suspendedIntakes) {

    /** Alive while its last heartbeat is at most {@code timeout} old; a silent instance is dead (crashed, cut off). */
    public boolean isAlive(Instant now, Duration timeout) {
        return !lastSeenAt.plus(timeout).isBefore(now);
    }
}
