package io.interchange.security;

import io.interchange.api.Problem;
import io.interchange.model.CanonicalJson;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off a client that takes longer than {@code deadlineMs} to send its request body (slowloris:
 * one byte every half second keeps a connection and a buffer forever, and an idle timeout never
 * fires). It answers 408 problem+json and closes the connection; a request whose body arrived in
 * time is not touched however long its answer takes.
 *
 * <p>The Vert.x server of camel-platform-http offers no idle or header timeout, and this handler
 * runs once the request line and headers have arrived (Vert.x caps them at 4 KiB and 8 KiB): a
 * client dripping its headers is not cut off here. Put a reverse proxy with a header timeout in
 * front for that (docs/operations.md, "HTTP slow clients").
 */
final class RequestReadDeadline implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadDeadline.class);

    private final Vertx vertx;
    private final long deadlineMs;

    RequestReadDeadline(Vertx vertx, long deadlineMs) {
        this.vertx = vertx;
        this.deadlineMs = deadlineMs;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            long timer = vertx.setTimer(deadlineMs, id -> cutOff(ctx));
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
            request.connection().closeHandler(closed -> vertx.cancelTimer(timer));
        }
        ctx.next();
    }

    private void cutOff(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            return;
        }
        LOG.warn("{} {} from {}: request body not received within {} ms; connection closed", request.method(),
                request.path(), request.remoteAddress(), deadlineMs);
        if (!ctx.response().headWritten()) {
            Problem problem = Problem.of(408, "request-timeout", "Request Timeout", "The request body did not arrive "
                    + "within " + deadlineMs + " ms; send it at once or in fewer, larger pieces.")
                    .withInstance(request.path());
            String body;
            try {
                body = CanonicalJson.mapper().writeValueAsString(problem);
            } catch (Exception e) {
                body = "";
            }
            ctx.response().setStatusCode(408).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body).onComplete(sent -> request.connection().close());
        } else {
            request.connection().close();
        }
    }
}
