package io.interchange.ops.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/** {@code GET /admin/v1/audit?actor=&action=&target=&since=&until=&limit=}: the audit log, newest first. */
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        answer.set("entries", CanonicalJson.mapper().valueToTree(audit.list(
                request.parameter("actor").orElse(null),
                request.parameter("action").orElse(null),
                request.parameter("target").orElse(null),
                request.instant("since").orElse(null),
                request.instant("until").orElse(null),
                request.limit(100, 1000))));
        AdminResponse.ok(exchange, answer);
    }
}
