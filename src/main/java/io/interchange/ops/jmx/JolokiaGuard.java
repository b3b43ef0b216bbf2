package io.interchange.ops.jmx;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.api.Problem;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;
import io.interchange.ops.admin.AdminUsers;
import io.interchange.ops.admin.BasicCredentials;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia (JMX over HTTP, what Hawtio connects to) behind the admin users: HTTP Basic, 401 with a
 * challenge without it, and role viewer limited to reading ({@code read}, {@code list},
 * {@code search}, {@code version}); {@code exec} and {@code write} need role ops and are audited. The
 * request runs as the user, so Interchange's MBeans audit it under that name.
 */
final class JolokiaGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaGuard.class);
    private static final Set<String> READS = Set.of("read", "list", "search", "version");

    private final AdminUsers users;
    private final AuditLog audit;
    private final String realm;
    private final Handler<RoutingContext> jolokia;

    JolokiaGuard(AdminUsers users, AuditLog audit, String realm, Handler<RoutingContext> jolokia) {
        this.users = users;
        this.audit = audit;
        this.realm = realm;
        this.jolokia = jolokia;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<AdminUser> user = BasicCredentials.parse(ctx.request().getHeader("Authorization"))
                .flatMap(credentials -> users.authenticate(credentials.name(), credentials.password()));
        if (user.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
            answer(ctx, Problem.of(401, "unauthenticated", "Unauthorized",
                    "Jolokia needs the credentials of an admin user (HTTP Basic)."));
            return;
        }
        Optional<String> change = change(ctx);
        if (change.isPresent()) {
            if (!user.get().may(AdminRole.OPS)) {
                audit.record(AuditEntry.of(user.get().name(), "jolokia", "access", change.get(),
                        "needs role ops, has " + user.get().role().apiName(), "denied"));
                answer(ctx, Problem.of(403, "forbidden", "Forbidden", "Role " + user.get().role().apiName()
                        + " may only read over Jolokia (read, list, search, version)."));
                return;
            }
            LOG.info("Jolokia {} by {}", change.get(), user.get().name());
        }
        JmxCaller.runAs(user.get(), () -> jolokia.handle(ctx));
    }

    /** What a request would change ({@code exec ...}, {@code write ...}); empty for reads. */
    private static Optional<String> change(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET) {
            String path = ctx.normalizedPath();
            int at = path.indexOf("/jolokia");
            String rest = at < 0 ? "" : path.substring(at + "/jolokia".length()).replaceAll("^/+", "");
            String type = rest.isEmpty() ? "version" : rest.split("/", 2)[0];
            return READS.contains(type) ? Optional.empty() : Optional.of(type + " " + rest);
        }
        String body = ctx.body() == null || ctx.body().buffer() == null ? ""
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        try {
            JsonNode requests = CanonicalJson.mapper().readTree(body);
            for (JsonNode request : requests.isArray() ? requests : CanonicalJson.mapper().createArrayNode().add(requests)) {
                String type = request.path("type").asText("");
                if (!READS.contains(type)) {
                    return Optional.of(type + " " + request.path("mbean").asText("") + " "
                            + request.path("operation").asText(request.path("attribute").asText("")));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("unreadable request");
        }
    }

    private static void answer(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(CanonicalJson.mapper().writeValueAsString(problem.withInstance(ctx.request().path())));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
