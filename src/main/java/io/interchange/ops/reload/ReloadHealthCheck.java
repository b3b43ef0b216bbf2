package io.interchange.ops.reload;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Refused route and mapping changes in the health details ({@code refused.<file>: line N: reason}).
 * UP even then: a refused change leaves the running version serving, so this instance stays ready;
 * the details are for whoever edits the files.
 */
public class ReloadHealthCheck extends AbstractHealthCheck {

    private final RouteReloader reloader;

    public ReloadHealthCheck(RouteReloader reloader) {
        super("interchange", "route-reload");
        this.reloader = reloader;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        builder.detail("refusedChanges", reloader.refusals().size());
        builder.detail("lastCheck", String.valueOf(reloader.lastCheck()));
        for (Refusal refusal : reloader.refusals()) {
            builder.detail("refused." + refusal.file(), (refusal.line() > 0 ? "line " + refusal.line() + ": " : "")
                    + refusal.reason());
        }
    }
}
