package io.interchange.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cluster as this instance sees it: every instance of {@link ClusterInstances}, alive or dead by
 * {@code timeout}, with the leases it holds. What the admin API and the health check show.
 */
public class ClusterView {

    private final ClusterInstances instances;
    private final LeaseTable leases;
    private final String nodeId;
    private final Duration timeout;
    private final Clock clock;

    public ClusterView(ClusterInstances instances, LeaseTable leases, String nodeId, Duration timeout, Clock clock) {
        this.instances = instances;
        this.leases = leases;
        this.nodeId = nodeId;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One instance and what it looks like from here. */
    public record Member(InstanceRecord instance, boolean alive, boolean self, List<String> leases) {
    }

    public List<Member> members() {
        Instant now = clock.instant();
        Map<String, List<String>> held = leases.heldBy(now.toEpochMilli());
        return instances.all().stream()
                .map(instance -> new Member(instance, instance.isAlive(now, timeout), instance.nodeId().equals(nodeId),
                        held.getOrDefault(instance.nodeId(), List.of())))
                .toList();
    }

    public String nodeId() {
        return nodeId;
    }

    public Duration timeout() {
        return timeout;
    }
}
