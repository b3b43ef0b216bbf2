package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.SettableClock;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Who runs a once-per-cluster route: one lease holder at a time, taken over when it stops or dies. */
class LeaseViewTest {

    private static final long LEASE_MS = 30_000;

    private static HikariDataSource dataSource;
    private LeaseTable leases;
    private SettableClock clock;
    private String namespace;
    private final List<String> events = new ArrayList<>();

    @BeforeAll
    static void database() {
        dataSource = ClusterTestDatabase.create();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void freshLease(TestInfo test) {
        leases = new LeaseTable(dataSource);
        clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
        namespace = test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void theFirstInstanceLeadsAndTheSecondFollowsKnowingTheLeader() {
        LeaseView a = view("node-a");
        LeaseView b = view("node-b");

        assertThat(a.isLeading()).isTrue();
        assertThat(b.isLeading()).isFalse();
        assertThat(b.getLeader()).map(CamelClusterMember::getId).contains("node-a");
        assertThat(b.getLeader()).map(CamelClusterMember::isLocal).contains(false);
        assertThat(a.getLocalMember().isLeader()).isTrue();
        assertThat(events).containsExactly("node-a leads");

        clock.advance(Duration.ofSeconds(10));
        a.tick();
        b.tick();
        clock.advance(Duration.ofSeconds(25));
        b.tick();

        assertThat(b.isLeading()).as("a renewed 25 s ago: its lease still runs").isFalse();
        assertThat(a.isLeading()).isTrue();
    }

    @Test
    void aSilentLeaderIsTakenOverOnceItsLeaseRunsOutAndStepsDownAtItsNextTick() {
        LeaseView a = view("node-a");
        LeaseView b = view("node-b");

        clock.advance(Duration.ofMillis(LEASE_MS + 1));   // a hung or died: no renewal
        b.tick();
        a.tick();

        assertThat(b.isLeading()).isTrue();
        assertThat(a.isLeading()).isFalse();
        assertThat(a.getLeader()).map(CamelClusterMember::getId).contains("node-b");
        assertThat(events).containsExactly("node-a leads", "node-b leads", "node-a follows");
    }

    @Test
    void aStoppingLeaderHandsOverWithoutWaitingForItsLease() {
        LeaseView a = view("node-a");
        LeaseView b = view("node-b");

        a.stop();
        b.tick();

        assertThat(b.isLeading()).isTrue();
        assertThat(events).containsExactly("node-a leads", "node-a follows", "node-b leads");
    }

    @Test
    void aLeaderCutOffFromTheDatabaseKeepsLeadingOnlyUntilItsLeaseRunsOut() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:cut-off;DB_CLOSE_DELAY=-1;INIT=create table cluster_lease (namespace varchar(200)"
                + " primary key, holder varchar(200), expires_at bigint, taken_at timestamp with time zone)");
        HikariDataSource cutOff = new HikariDataSource(config);
        leases = new LeaseTable(cutOff);
        LeaseView a = view("node-a");
        cutOff.close();   // every further statement fails

        clock.advance(Duration.ofMillis(LEASE_MS - 1));
        a.tick();
        assertThat(a.isLeading()).as("no one else can take the lease before it runs out").isTrue();

        clock.advance(Duration.ofMillis(1));
        a.tick();
        assertThat(a.isLeading()).as("from now on another instance may hold it").isFalse();
    }

    @Test
    void keepsLeadingOnlyWhileLeadingAndBeforeTheLeaseEnds() {
        assertThat(LeaseView.keepsLeading(true, 999, 1000)).isTrue();
        assertThat(LeaseView.keepsLeading(true, 1000, 1000)).isFalse();
        assertThat(LeaseView.keepsLeading(false, 0, 1000)).isFalse();
    }

    private LeaseView view(String node) {
        DatabaseClusterService service = new DatabaseClusterService(leases, node, LEASE_MS, 10_000, clock);
        LeaseView view = new LeaseView(service, namespace, leases, node, LEASE_MS, clock);
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) ->
                events.add(node + (leaderIsLocal(leader) ? " leads" : " follows")));
        view.start();
        return view;
    }

    private static boolean leaderIsLocal(CamelClusterMember leader) {
        return leader != null && leader.isLocal();
    }
}
