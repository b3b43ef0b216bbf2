package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.SettableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which instances are alive: heartbeats in the shared database, judged by a timeout. */
class ClusterInstancesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static HikariDataSource dataSource;
    private static ClusterInstances instances;

    @BeforeAll
    static void database() {
        dataSource = ClusterTestDatabase.create();
        instances = new ClusterInstances(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void noInstances() {
        instances.all().forEach(instance -> instances.leave(instance.nodeId()));
    }

    @Test
    void anInstanceIsAliveUntilItsLastHeartbeatIsOlderThanTheTimeout() {
        InstanceRecord beat = record("node-a", T0);

        assertThat(beat.isAlive(T0.plus(TIMEOUT), TIMEOUT)).isTrue();
        assertThat(beat.isAlive(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT)).isFalse();
    }

    @Test
    void heartbeatsUpdateOneRowPerInstanceAndAStoppedInstanceLeaves() {
        instances.beat(record("node-a", T0));
        instances.beat(record("node-b", T0));
        instances.beat(new InstanceRecord("node-a", T0, T0.plusSeconds(5), "1.0", "http://a:8080", 40, 42,
                List.of("sftp-acme", "rest")));

        List<InstanceRecord> all = instances.all();
        assertThat(all).extracting(InstanceRecord::nodeId).containsExactly("node-a", "node-b");
        assertThat(all.get(0).lastSeenAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(all.get(0).suspendedIntakes()).containsExactly("sftp-acme", "rest");
        assertThat(all.get(1).suspendedIntakes()).isEmpty();

        instances.leave("node-b");

        assertThat(instances.all()).extracting(InstanceRecord::nodeId).containsExactly("node-a");
    }

    @Test
    void theViewMarksSilentInstancesDeadAndNamesTheLeasesEachHolds() {
        SettableClock clock = new SettableClock(T0.plusSeconds(40));
        LeaseTable leases = new LeaseTable(dataSource);
        instances.beat(record("node-a", T0.plusSeconds(35)));
        instances.beat(record("node-b", T0));
        leases.hold("ops-housekeeping", "node-a", clock.millis(), 30_000);

        List<ClusterView.Member> members = new ClusterView(instances, leases, "node-a", TIMEOUT, clock).members();

        assertThat(members).extracting(ClusterView.Member::alive).containsExactly(true, false);
        assertThat(members).extracting(ClusterView.Member::self).containsExactly(true, false);
        assertThat(members.get(0).leases()).containsExactly("ops-housekeeping");
        assertThat(members.get(1).leases()).isEmpty();
    }

    @Test
    void instancesSilentLongerThanForgetAfterAreRemoved() {
        instances.beat(record("crashed", T0));
        instances.beat(record("running", T0.plus(Duration.ofHours(25))));

        instances.forgetSilentSince(T0.plus(Duration.ofHours(1)));

        assertThat(instances.all()).extracting(InstanceRecord::nodeId).containsExactly("running");
    }

    private static InstanceRecord record(String node, Instant seen) {
        return new InstanceRecord(node, T0, seen, "1.0", "http://" + node + ":8080", 10, 12, List.of());
    }
}
