package io.interchange.cluster;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's cluster service on the database the instances already share: a route that must run once per
 * cluster gets a {@code ClusteredRoutePolicy} ({@link OncePerClusterRoutes}) or starts from
 * {@code master:<namespace>:<endpoint>}, and only the instance holding the namespace's lease
 * ({@link LeaseView}) runs it. Camel ships cluster services on
 * ZooKeeper, Consul, Kubernetes, JGroups, Infinispan and a shared file lock, none on JDBC; an
 * Interchange cluster has PostgreSQL, not those. A lone instance takes every lease at its first tick.
 */
public class DatabaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClusterService.class);

    private final LeaseTable leases;
    private final String node;
    private final long leaseMs;
    private final long renewMs;
    private final Clock clock;
    private final List<LeaseView> views = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService renewer;

    public DatabaseClusterService(LeaseTable leases, String node, long leaseMs, long renewMs, Clock clock) {
        super("database");
        if (renewMs >= leaseMs) {
            throw new IllegalArgumentException("interchange.cluster.lease-renew-ms (" + renewMs
                    + ") must be shorter than interchange.cluster.lease-ms (" + leaseMs + ")");
        }
        this.leases = leases;
        this.node = node;
        this.leaseMs = leaseMs;
        this.renewMs = renewMs;
        this.clock = clock;
    }

    @Override
    protected LeaseView createView(String namespace) {
        LeaseView view = new LeaseView(this, namespace, leases, node, leaseMs, clock);
        views.add(view);
        return view;
    }

    /** The namespaces this instance leads now. */
    public List<String> leading() {
        return views.stream().filter(LeaseView::isLeading).map(LeaseView::getNamespace).sorted().toList();
    }

    @Override
    protected void doStart() throws Exception {
        renewer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "cluster-leases");
        renewer.scheduleWithFixedDelay(this::renewAll, renewMs, renewMs, TimeUnit.MILLISECONDS);
        super.doStart();
    }

    private void renewAll() {
        for (LeaseView view : views) {
            try {
                view.tick();
            } catch (RuntimeException e) {
                // a route that fails to start or stop on a leadership change must not end the renewals
                LOG.error("Lease {}: leadership change not applied", view.getNamespace(), e);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (renewer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(renewer);
        }
        super.doStop();
    }
}
