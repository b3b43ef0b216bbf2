package io.interchange.ops.jmx;

import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.interchange.ops.reload.Refusal;
import io.interchange.ops.reload.RouteReloader;

/** Reload status over JMX. */
public class RouteReloadControl implements RouteReloadMBean {

    private final RouteReloader reloader;
    private final AuditLog audit;

    public RouteReloadControl(RouteReloader reloader, AuditLog audit) {
        this.reloader = reloader;
        this.audit = audit;
    }

    @Override
    public boolean isEnabled() {
        return reloader.isWatching();
    }

    @Override
    public String getLastCheck() {
        return String.valueOf(reloader.lastCheck());
    }

    @Override
    public String[] getRefusedChanges() {
        return reloader.refusals().stream().map(Refusal::describe).toArray(String[]::new);
    }

    @Override
    public String[] getRecentChanges() {
        return reloader.recent(50).stream().map(change -> change.at() + " " + change.outcome() + " " + change.file()
                + (change.checksum() == null ? "" : " sha256:" + change.checksum())
                + (change.line() > 0 ? " line " + change.line() : "")
                + (change.detail() == null ? "" : " " + change.detail())).toArray(String[]::new);
    }

    @Override
    public String checkNow() throws Exception {
        if (!reloader.isWatching()) {
            throw new IllegalStateException("Route and mapping reload is off (interchange.reload.enabled=false)");
        }
        reloader.checkNow();
        int refused = reloader.refusals().size();
        audit.record(AuditEntry.of(JmxCaller.name(), JmxCaller.via(), "reload-check", "routes and mappings",
                refused + " refused change(s)", "ok"));
        return refused + " refused change(s)";
    }
}
