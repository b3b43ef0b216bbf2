package io.interchange.console;

import io.interchange.api.Problem;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminLogin;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code /hawtio/} on Interchange's HTTP port: the admin login (HTTP Basic, so the browser asks once
 * and sends the credentials with every request Hawtio makes), then a reverse proxy to
 * {@link HawtioServer} on loopback. Hawtio's Jolokia calls ({@code /hawtio/jolokia}) are rerouted to
 * Interchange's Jolokia ({@code interchange.jolokia.path}), which logs the user in again and applies
 * the access policy of the user's role (viewer reads, ops acts) and the audit log. Until Hawtio is
 * up (it starts in the background after the runtime) the door answers 503 with {@code Retry-After}.
 */
public class HawtioDoor {

    /** Hawtio asks whether its proxy to other agents is on (it is off): the one proxy path let through. */
    static final String PROXY_ENABLED = HawtioServer.CONTEXT_PATH + "/proxy/enabled";
    /** What Hawtio posts outside Jolokia is small (its login and logout forms). */
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    /**
     * Headers of one hop only (RFC 9110 7.6.1, and HTTP/2's upgrade), the caller's credentials, and
     * what the client sets itself: never passed on in either direction.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "host",
            "authorization", "content-length");

    private final AdminLogin login;
    private final String realm;
    private final String jolokiaPath;
    private volatile HttpClient client;
    private volatile int hawtioPort;
    private volatile String failure;

    public HawtioDoor(AdminLogin login, String realm, String jolokiaPath) {
        this.login = login;
        this.realm = realm;
        this.jolokiaPath = jolokiaPath;
    }

    void mount(Router router) {
        String base = HawtioServer.CONTEXT_PATH;
        router.route(base + "/jolokia").order(-2).handler(this::toJolokia);
        router.route(base + "/jolokia/*").order(-2).handler(this::toJolokia);
        router.route(base + "/proxy*").order(-2).handler(ctx -> {
            if (ctx.request().path().equals(PROXY_ENABLED)) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(404).end();
            }
        });
        // the login may wait for a free password check: off the event loop, with the (small) body read first
        router.route(base + "/*").order(-2).handler(BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BYTES))
                .blockingHandler(this::authenticate).handler(this::forward);
        router.route(base).order(-3).handler(ctx -> {
            if (ctx.request().path().equals(base)) {
                ctx.redirect(base + "/");
            } else {
                ctx.next();
            }
        });
    }

    /** Hawtio is up on {@code port}: from now on requests are proxied to it. */
    void ready(HttpClient hawtioClient, int port) {
        hawtioPort = port;
        client = hawtioClient;
    }

    /** Hawtio could not start; the door says so instead of "starting". */
    void failed(String reason) {
        failure = reason;
    }

    private void toJolokia(RoutingContext ctx) {
        String rest = ctx.request().path().substring((HawtioServer.CONTEXT_PATH + "/jolokia").length());
        String query = ctx.request().query();
        ctx.reroute(jolokiaPath + rest + (query == null ? "" : "?" + query));
    }

    private void authenticate(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        AdminLogin.Result result = login.basic(request.getHeader("Authorization"), address);
        if (result.user().isPresent()) {
            ctx.next();
            return;
        }
        Problem problem = result.problem("Hawtio");
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
        result.retryAfterSeconds().ifPresent(seconds -> ctx.response().putHeader("Retry-After", seconds.toString()));
        answer(ctx, problem);
    }

    private void forward(RoutingContext ctx) {
        if (client != null) {
            proxy(ctx);
        } else if (failure != null) {
            answer(ctx, Problem.of(503, "hawtio-unavailable", "Hawtio Unavailable", "Hawtio did not start: " + failure));
        } else {
            ctx.response().putHeader("Retry-After", "5");
            answer(ctx, Problem.of(503, "hawtio-starting", "Hawtio Starting",
                    "Hawtio starts after the runtime is up; try again in a few seconds."));
        }
    }

    /**
     * One request to Hawtio and its answer back, read whole (Hawtio answers static files and small
     * JSON). Written here rather than with vertx-http-proxy: that one streams the request body and
     * cannot take a request whose body was read already (HTTP/2 refuses to pause it).
     */
    private void proxy(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(in.headers(), headers);
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(hawtioPort)
                .setMethod(in.method()).setURI(in.uri()).setHeaders(headers);
        Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        client.request(options)
                .compose(out -> out.send(body))
                .compose(answer -> answer.body().map(content -> {
                    respond(ctx, answer, content);
                    return content;
                }))
                .onFailure(e -> {
                    if (!ctx.response().headWritten()) {
                        answer(ctx, Problem.of(502, "hawtio-unreachable", "Hawtio Unreachable",
                                "Hawtio did not answer: " + e.getMessage()));
                    }
                });
    }

    private static void respond(RoutingContext ctx, HttpClientResponse answer, Buffer content) {
        ctx.response().setStatusCode(answer.statusCode());
        copy(answer.headers(), ctx.response().headers());
        ctx.response().end(content);
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
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
