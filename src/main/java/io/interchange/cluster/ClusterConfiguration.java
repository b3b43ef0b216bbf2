package io.interchange.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.interchange.ops.intake.IntakeChannels;
import io.interchange.ops.intake.IntakeSuspensions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * Several instances on one database and one broker (issue 12; docs/operations.md "Cluster"): this
 * instance's heartbeat and the list of instances, the database-backed cluster service that runs the
 * once-per-cluster routes on one instance, and the convergence of intake suspensions. A lone instance runs the same
 * beans: it lists itself and leads every lease.
 */
public class ClusterConfiguration implements CamelConfiguration {

    @PropertyInject(NodeIdentity.PROPERTY)
    private String nodeId;
    @PropertyInject(value = "interchange.cluster.instance-timeout-ms", defaultValue = "30000")
    private long instanceTimeoutMs;
    @PropertyInject(value = "interchange.cluster.forget-after", defaultValue = "PT24H")
    private String forgetAfter;
    @PropertyInject(value = "interchange.cluster.lease-ms", defaultValue = "30000")
    private long leaseMs;
    @PropertyInject(value = "interchange.cluster.lease-renew-ms", defaultValue = "10000")
    private long leaseRenewMs;
    @PropertyInject(value = "interchange.cluster.once-per-cluster-routes", defaultValue = "ops-housekeeping")
    private String oncePerClusterRoutes;
    @PropertyInject(value = "interchange.http.port", defaultValue = "8080")
    private int httpPort;

    private final Clock clock = Clock.systemUTC();

    @BindToRegistry("clusterInstances")
    public ClusterInstances clusterInstances(DataSource dataSource) {
        return new ClusterInstances(dataSource);
    }

    @BindToRegistry("leaseTable")
    public LeaseTable leaseTable(DataSource dataSource) {
        return new LeaseTable(dataSource);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        DataSource dataSource = context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
        LeaseTable leases = context.getRegistry().lookupByNameAndType("leaseTable", LeaseTable.class);
        ClusterInstances instances = context.getRegistry().lookupByNameAndType("clusterInstances", ClusterInstances.class);
        // the intakes are bound by OpsConfiguration.configure: this class is registered after it
        IntakeChannels intakes = context.getRegistry().lookupByNameAndType("intakeChannels", IntakeChannels.class);

        DatabaseClusterService service = new DatabaseClusterService(leases, nodeId, leaseMs, leaseRenewMs, clock);
        context.addService(service, true, true);
        // before the routes are created (configuration classes run first), so the policies apply to them
        context.addRoutePolicyFactory(new OncePerClusterRoutes(service, Arrays.stream(oncePerClusterRoutes.split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet())));
        Heartbeat heartbeat = new Heartbeat(context, instances, intakes, nodeId, httpUrl(),
                Duration.parse(forgetAfter), clock);
        context.getRegistry().bind("clusterHeartbeat", heartbeat);
        context.addService(heartbeat, true, true);
        context.getRegistry().bind("suspensionSync", new SuspensionSync(intakes, new IntakeSuspensions(dataSource)));
        ClusterView cluster = new ClusterView(instances, leases, nodeId, Duration.ofMillis(instanceTimeoutMs), clock);
        context.getRegistry().bind("clusterInstancesResource", new InstancesResource(cluster));
        HealthCheckRegistry.get(context).register(new ClusterHealthCheck(cluster));
        // the info-metric pattern: join any series of this scrape target to the node id that produced it
        Gauge.builder("interchange.node.info", () -> 1).description("This instance's interchange.node.id")
                .tag("node", nodeId).register(context.getRegistry().findSingleByType(MeterRegistry.class));
    }

    private String httpUrl() {
        try {
            return "http://" + InetAddress.getLocalHost().getHostName() + ":" + httpPort;
        } catch (UnknownHostException e) {
            return "http://localhost:" + httpPort;
        }
    }
}
