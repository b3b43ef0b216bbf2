package io.interchange.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import io.interchange.observe.ReportingHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Partner intakes that cannot poll their {@code inbound/} folder (folder gone, permission denied,
 * SFTP server unreachable): DOWN once a partner's consumer failed {@code failedPolls} polls in a
 * row, with one detail per failing partner naming the cause (Camel's own consumer check supplies it).
 *
 * <p>Neither a readiness nor a liveness check: one partner's folder must not take this instance out
 * of the load balancer (REST and webhooks go on) or get it restarted, so {@code /observe/health}
 * turns DOWN and names the partner while {@code /observe/health/ready} and {@code /live} stay UP: a
 * degraded instance. (Camel's consumer checks cannot be kept out of readiness one route at a time,
 * which is why the partner routes are excluded from them in application.properties.) A suspended
 * intake does not poll and does not count.
 */
public class PartnerIntakeHealthCheck extends ReportingHealthCheck {

    private final CamelContext context;
    private final PartnerDirectory partners;
    private final int failedPolls;

    public PartnerIntakeHealthCheck(CamelContext context, PartnerDirectory partners, int failedPolls) {
        super("interchange", "partner-intakes");
        this.context = context;
        this.partners = partners;
        this.failedPolls = failedPolls;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<String, String> failing = new LinkedHashMap<>();
        int polling = 0;
        for (Partner partner : partners.current().partners()) {
            Route route = context.getRoute(PartnerRoutes.intakeRouteId(partner.id()));
            if (route == null || !(route.getConsumer() instanceof ScheduledPollConsumer consumer)
                    || context.getRouteController().getRouteStatus(route.getId()) != ServiceStatus.Started) {
                continue;
            }
            polling++;
            if (consumer.getErrorCounter() >= failedPolls) {
                failing.put(partner.id(), cause(consumer, route.getId()));
            }
        }
        builder.detail("polling", polling);
        failing.forEach((partner, cause) -> builder.detail("partner." + partner, cause));
        if (failing.isEmpty()) {
            builder.up();
            return;
        }
        builder.message("partner intake cannot poll: " + String.join(", ", failing.keySet())
                + " (" + String.join("; ", failing.values()) + ")");
        builder.down();
    }

    private String cause(ScheduledPollConsumer consumer, String routeId) {
        HealthCheck.Result camel = new ScheduledPollConsumerHealthCheck(consumer, routeId)
                .call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS));
        String error = camel.getError().map(PartnerIntakeHealthCheck::innermost).orElse("");
        return consumer.getErrorCounter() + " polls failed in a row" + (error.isEmpty() ? "" : ": " + error);
    }

    private static String innermost(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return error == t || error.getMessage() == null ? message : error.getMessage() + " (" + message + ")";
    }
}
