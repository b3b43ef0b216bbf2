package io.interchange.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of the {@link DatabaseClusterService} (one once-per-cluster route):
 * this instance leads while it holds the namespace's lease in {@link LeaseTable}. Each
 * {@link #tick()} takes or extends the lease; a leader that cannot reach the database keeps leading
 * only until its lease runs out, which is also the earliest any other instance can take it over,
 * so two instances never lead at once (clocks kept in sync, skew well below the lease time).
 */
public class LeaseView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseView.class);

    private final LeaseTable leases;
    private final String node;
    private final long leaseMs;
    private final Clock clock;
    private final Member local;
    private volatile boolean leading;
    private volatile long heldUntil;
    private volatile String leaderId;

    public LeaseView(CamelClusterService service, String namespace, LeaseTable leases, String node, long leaseMs,
            Clock clock) {
        super(service, namespace);
        this.leases = leases;
        this.node = node;
        this.leaseMs = leaseMs;
        this.clock = clock;
        this.local = new Member(node, true);
    }

    /** Takes or extends the lease and tells the route when leadership changed hands. */
    public synchronized void tick() {
        if (!isRunAllowed()) {
            return;
        }
        long now = clock.millis();
        boolean leads;
        try {
            leads = leases.hold(getNamespace(), node, now, leaseMs);
            if (leads) {
                heldUntil = now + leaseMs;
            }
            leaderId = leads ? node : leases.holder(getNamespace(), now).orElse(null);
        } catch (RuntimeException e) {
            leads = keepsLeading(leading, now, heldUntil);
            LOG.warn("Lease {} not renewed ({}); {}", getNamespace(), e.getMessage(),
                    leads ? "still leading until the lease runs out" : "not leading");
        }
        if (leads != leading) {
            leading = leads;
            LOG.info("Lease {}: {} {}", getNamespace(), node, leads ? "leads" : "no longer leads");
            fireLeadershipChangedEvent(getLeader());
        }
    }

    /** Without a database answer a leader goes on only while the lease it last wrote runs, never beyond. */
    static boolean keepsLeading(boolean leading, long now, long heldUntil) {
        return leading && now < heldUntil;
    }

    public boolean isLeading() {
        return leading;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leading) {
            return Optional.of(local);
        }
        String id = leaderId;
        return id == null ? Optional.empty() : Optional.of(new Member(id, false));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        List<CamelClusterMember> members = new ArrayList<>();
        members.add(local);
        getLeader().filter(leader -> !leader.isLocal()).ifPresent(members::add);
        return members;
    }

    @Override
    protected void doStart() {
        tick();
    }

    @Override
    protected synchronized void doStop() {
        if (leading) {
            leading = false;
            try {
                leases.release(getNamespace(), node);
            } catch (RuntimeException e) {
                LOG.warn("Lease {} not released ({}); another instance takes it when it runs out", getNamespace(),
                        e.getMessage());
            }
            fireLeadershipChangedEvent(Optional.empty());
        }
    }

    private final class Member implements CamelClusterMember {

        private final String id;
        private final boolean isLocal;

        private Member(String id, boolean isLocal) {
            this.id = id;
            this.isLocal = isLocal;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            return isLocal ? leading : id.equals(leaderId);
        }

        @Override
        public boolean isLocal() {
            return isLocal;
        }
    }
}
