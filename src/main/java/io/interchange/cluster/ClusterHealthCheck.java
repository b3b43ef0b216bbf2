package io.interchange.cluster;

import java.util.List;
import java.util.Map;

import io.interchange.observe.ReportingHealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The instances sharing this database in {@code /observe/health}: {@code node} (this one),
 * {@code alive} (how many), and {@code instance.<id>: alive|dead}. Always UP and neither a
 * readiness nor a liveness check: a dead peer is no reason to take this instance out of service.
 */
public class ClusterHealthCheck extends ReportingHealthCheck {

    private final ClusterView cluster;

    public ClusterHealthCheck(ClusterView cluster) {
        super("interchange", "cluster");
        this.cluster = cluster;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<ClusterView.Member> members = cluster.members();
        builder.detail("node", cluster.nodeId());
        builder.detail("alive", members.stream().filter(ClusterView.Member::alive).count());
        for (ClusterView.Member member : members) {
            builder.detail("instance." + member.instance().nodeId(), member.alive() ? "alive" : "dead");
        }
        builder.up();
    }
}
