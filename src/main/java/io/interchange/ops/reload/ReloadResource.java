package io.interchange.ops.reload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminGate;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/reload}: what is watched, the refused changes (file, line, reason, checksum)
 * and the latest recorded changes; {@code POST /admin/v1/reload/check}: look at the files now.
 */
public class ReloadResource {

    private final RouteReloader reloader;
    private final AuditLog audit;

    public ReloadResource(RouteReloader reloader, AuditLog audit) {
        this.reloader = reloader;
        this.audit = audit;
    }

    public void status(Exchange exchange) {
        AdminResponse.ok(exchange, toJson(AdminRequest.of(exchange).limit(50, 500)));
    }

    public void check(Exchange exchange) throws Exception {
        if (!reloader.isWatching()) {
            throw new ProblemException(Problem.of(409, "reload-off", "Reload Is Off",
                    "Route and mapping reload is switched off (interchange.reload.enabled=false)."));
        }
        reloader.checkNow();
        audit.record(AuditEntry.of(AdminGate.actor(exchange), "http", "reload-check", "routes and mappings",
                reloader.refusals().size() + " refused change(s)", "ok"));
        AdminResponse.ok(exchange, toJson(50));
    }

    private ObjectNode toJson(int limit) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode().put("enabled", reloader.isWatching());
        ArrayNode watched = json.putArray("watching");
        reloader.watched().forEach(path -> watched.add(path.toString()));
        json.put("lastCheck", reloader.lastCheck() == null ? null : reloader.lastCheck().toString());
        json.set("refused", CanonicalJson.mapper().valueToTree(reloader.refusals()));
        json.set("changes", CanonicalJson.mapper().valueToTree(reloader.recent(limit)));
        return json;
    }
}
