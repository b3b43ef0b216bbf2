package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;

/** Only the routes named once-per-cluster are bound to a lease. */
class OncePerClusterRoutesTest {

    @Test
    void aListedRouteGetsAClusteredPolicyOthersNone() throws Exception {
        DatabaseClusterService service = new DatabaseClusterService(new LeaseTable(null), "node-a", 30_000, 10_000,
                Clock.systemUTC());
        OncePerClusterRoutes routes = new OncePerClusterRoutes(service, Set.of("ops-housekeeping"));

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(routes.createRoutePolicy(context, "ops-housekeeping", null)).isInstanceOf(ClusteredRoutePolicy.class);
            assertThat(routes.createRoutePolicy(context, "process-orders", null)).isNull();
        }
    }

    @Test
    void aRenewalAsLongAsTheLeaseIsRefused() {
        assertThatThrownBy(() -> new DatabaseClusterService(new LeaseTable(null), "n",
                10_000, 10_000, Clock.systemUTC())).hasMessageContaining("lease-renew-ms");
    }
}
