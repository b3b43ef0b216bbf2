package io.interchange.ops.intake;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;

/**
 * An intake whose Camel routes are suspended through the route controller: in-flight requests finish,
 * new ones are refused by the consumer (platform-http answers 503, a file consumer stops polling and
 * the files wait in their folder).
 */
public class RouteIntakeChannel implements IntakeChannel {

    private final CamelContext context;
    private final String id;
    private final String kind;
    private final String description;
    private final CounterScope scope;
    private final List<String> routeIds;

    public RouteIntakeChannel(CamelContext context, String id, String kind, String description, CounterScope scope,
            List<String> routeIds) {
        this.context = context;
        this.id = id;
        this.kind = kind;
        this.description = description;
        this.scope = scope;
        this.routeIds = List.copyOf(routeIds);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public CounterScope scope() {
        return scope;
    }

    public List<String> routeIds() {
        return routeIds;
    }

    @Override
    public boolean isSuspended() {
        return routeIds.stream().map(this::status)
                .anyMatch(s -> s == ServiceStatus.Suspended || s == ServiceStatus.Suspending);
    }

    @Override
    public void suspend() throws Exception {
        RouteController routes = context.getRouteController();
        for (String routeId : routeIds) {
            if (status(routeId) == ServiceStatus.Started) {
                routes.suspendRoute(routeId);
            }
        }
    }

    @Override
    public void resume() throws Exception {
        RouteController routes = context.getRouteController();
        for (String routeId : routeIds) {
            ServiceStatus status = status(routeId);
            if (status == ServiceStatus.Suspended) {
                routes.resumeRoute(routeId);
            } else if (status == ServiceStatus.Stopped) {
                routes.startRoute(routeId);
            }
        }
    }

    private ServiceStatus status(String routeId) {
        return context.getRoute(routeId) == null ? null : context.getRouteController().getRouteStatus(routeId);
    }
}
