package io.interchange.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeChannels;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's row in {@link ClusterInstances}, written by {@link #beat()} on a timer
 * ({@code routes/ops/cluster-heartbeat.camel.yaml}): alive, since when, what runs and what ops hold
 * suspended here. A stopping instance removes its row; rows of instances silent for longer than
 * {@code forgetAfter} (crashed and gone) are removed by whichever instance beats next.
 */
public class Heartbeat extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final CamelContext context;
    private final ClusterInstances instances;
    private final IntakeChannels intakes;
    private final String nodeId;
    private final String version;
    private final String httpUrl;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Instant startedAt;

    public Heartbeat(CamelContext context, ClusterInstances instances, IntakeChannels intakes, String nodeId,
            String httpUrl, Duration forgetAfter, Clock clock) {
        this.context = context;
        this.instances = instances;
        this.intakes = intakes;
        this.nodeId = nodeId;
        this.version = version();
        this.httpUrl = httpUrl;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public void beat() {
        Instant now = clock.instant();
        List<Route> routes = context.getRoutes();
        int up = (int) routes.stream()
                .filter(route -> context.getRouteController().getRouteStatus(route.getRouteId()) == ServiceStatus.Started)
                .count();
        List<String> suspended = intakes.all().stream().filter(IntakeChannel::isSuspended).map(IntakeChannel::id).toList();
        instances.beat(new InstanceRecord(nodeId, startedAt, now, version, httpUrl, up, routes.size(), suspended));
        instances.forgetSilentSince(now.minus(forgetAfter));
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    protected void doStop() {
        try {
            instances.leave(nodeId);
        } catch (RuntimeException e) {
            LOG.warn("Instance {} could not leave the cluster list ({}); it shows as dead until forgotten", nodeId,
                    e.getMessage());
        }
    }

    private static String version() {
        String version = Heartbeat.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
