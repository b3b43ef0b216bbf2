package io.interchange.ops.jmx;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.api.Problem;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.admin.AdminUser;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jolokia.json.JSONStructure;
import org.jolokia.server.core.http.HttpRequestHandler;

/**
 * Jolokia (JMX over HTTP, what Hawtio connects to) behind the admin users: HTTP Basic through
 * {@link AdminLogin} (401 with a challenge, 429 with {@code Retry-After} while locked out), then the
 * request runs as the user, so Jolokia asks the access policy of the user's role
 * ({@link RoleRestrictor}) and Interchange's MBeans record actions under that name. Every exec and
 * write, allowed or refused, is recorded in the audit log ({@code via} jolokia, action exec or
 * write). A single request that the policy refuses is answered HTTP 403, with Jolokia's error body.
 */
final class JolokiaGuard implements Handler<RoutingContext> {

    private static final Set<String> READS = Set.of("read", "list", "search", "version");

    private final AdminLogin login;
    private final AuditLog audit;
    private final String realm;
    private final String path;
    private final HttpRequestHandler jolokia;

    JolokiaGuard(AdminLogin login, AuditLog audit, String realm, String path, HttpRequestHandler jolokia) {
        this.login = login;
        this.audit = audit;
        this.realm = realm;
        this.path = path;
        this.jolokia = jolokia;
    }

    /** What one request in a (bulk) Jolokia call is: its type and, for changes, what it changes. */
    private record Call(String type, String target) {
        boolean changes() {
            return !READS.contains(type);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        AdminLogin.Result result = login.basic(request.getHeader("Authorization"), address);
        if (result.user().isEmpty()) {
            if (result.problem("Jolokia").status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
            }
            result.retryAfterSeconds().ifPresent(seconds -> ctx.response().putHeader("Retry-After", seconds.toString()));
            answer(ctx, result.problem("Jolokia"));
            return;
        }
        AdminUser user = result.user().get();
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        List<Call> calls = calls(request, body);
        String[] json = new String[1];
        JmxCaller.runAs(user, () -> json[0] = execute(request, body));
        JsonNode answers = parse(json[0]);
        record(user, calls, answers);
        // a bulk call (what Hawtio sends) is always 200 with a status per request, as Jolokia answers it
        boolean singleRefused = !bulk(request, body) && answers != null
                && (answers.isArray() ? answers.path(0) : answers).path("status").asInt() == 403;
        ctx.response().setStatusCode(singleRefused ? 403 : 200).putHeader("Content-Type", "application/json")
                .end(json[0]);
    }

    private String execute(HttpServerRequest request, byte[] body) {
        try {
            jolokia.checkAccess(request.scheme(), request.remoteAddress().host(), request.remoteAddress().hostAddress(),
                    origin(request));
            JSONStructure answer;
            if (request.method() == HttpMethod.GET) {
                answer = jolokia.handleGetRequest(request.uri(), pathInfo(request), params(request.params()));
            } else {
                try (InputStream in = new ByteArrayInputStream(body)) {
                    answer = jolokia.handlePostRequest(request.uri(), in, StandardCharsets.UTF_8.name(),
                            params(request.params()));
                }
            }
            return answer.toJSONString();
        } catch (Exception e) {
            // Jolokia's own error shape: status, error_type, error (without stack trace, see JolokiaEndpoint)
            return jolokia.handleThrowable(e).toJSONString();
        }
    }

    /** Records every exec and write with the status Jolokia answered it with. */
    private void record(AdminUser user, List<Call> calls, JsonNode answers) {
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            if (!call.changes()) {
                continue;
            }
            JsonNode answer = answers == null ? null : answers.isArray() ? answers.get(i) : answers;
            int status = answer == null ? 0 : answer.path("status").asInt();
            String outcome = status == 200 ? "ok" : status == 403 ? "denied" : "failed";
            String detail = status == 200 ? "" : "status " + status + ": " + answer(answer);
            audit.record(AuditEntry.of(user.name(), "jolokia", call.type(), call.target(), detail, outcome));
        }
    }

    private static String answer(JsonNode answer) {
        return answer == null ? "no answer" : answer.path("error").asText("");
    }

    /** The calls of a GET ({@code /exec/<mbean>/<operation>/...}) or a POST (one request or a list). */
    private List<Call> calls(HttpServerRequest request, byte[] body) {
        List<Call> calls = new ArrayList<>();
        if (request.method() == HttpMethod.GET) {
            String rest = pathInfo(request).replaceAll("^/+", "");
            String type = rest.isEmpty() ? "version" : rest.split("/", 2)[0];
            calls.add(new Call(type, rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : ""));
            return calls;
        }
        JsonNode requests = parse(new String(body, StandardCharsets.UTF_8));
        if (requests == null) {
            calls.add(new Call("unreadable", ""));
            return calls;
        }
        for (JsonNode one : requests.isArray() ? requests : List.of(requests)) {
            String type = one.path("type").asText("");
            String member = one.path("operation").asText(one.path("attribute").asText(""));
            calls.add(new Call(type, one.path("mbean").asText("") + (member.isEmpty() ? "" : "/" + member)));
        }
        return calls;
    }

    private static boolean bulk(HttpServerRequest request, byte[] body) {
        if (request.method() == HttpMethod.GET) {
            return false;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private String pathInfo(HttpServerRequest request) {
        String raw = request.path();
        int at = raw.indexOf(path);
        return at < 0 ? "" : raw.substring(at + path.length());
    }

    private static Map<String, String[]> params(MultiMap params) {
        Map<String, String[]> all = new HashMap<>();
        for (String name : params.names()) {
            all.put(name, params.getAll(name).toArray(new String[0]));
        }
        return all;
    }

    private static String origin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
        }
        return origin == null ? "" : origin.replaceAll("[\\n\\r]", "");
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? null : CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            return null;
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
