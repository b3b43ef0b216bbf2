package io.interchange.cluster;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Routes that run on one instance of the cluster at a time ({@code interchange.cluster.once-per-cluster-routes}):
 * each gets Camel's {@link ClusteredRoutePolicy} on the namespace of its route id, so it runs only on the
 * instance leading that namespace in the {@link DatabaseClusterService} and is started elsewhere when
 * that one stops or dies. A policy rather than {@code master:} URIs: the route files stay as they are,
 * and camel-master's endpoint MBean has an attribute JMX cannot render (a bulk Jolokia read of the
 * endpoints would fail on it).
 */
public class OncePerClusterRoutes implements RoutePolicyFactory {

    private final CamelClusterService cluster;
    private final Set<String> routeIds;

    public OncePerClusterRoutes(CamelClusterService cluster, Set<String> routeIds) {
        this.cluster = cluster;
        this.routeIds = Set.copyOf(routeIds);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (!routeIds.contains(routeId)) {
            return null;
        }
        try {
            return ClusteredRoutePolicy.forNamespace(cluster, routeId);
        } catch (Exception e) {
            throw new IllegalStateException("Route " + routeId + " cannot be made once-per-cluster: " + e.getMessage(), e);
        }
    }
}
