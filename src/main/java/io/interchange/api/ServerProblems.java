package io.interchange.api;

import io.interchange.model.CanonicalJson;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem+json answer straight on a Vert.x response, for errors raised outside any route. */
final class ServerProblems {

    private ServerProblems() {
    }

    static void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(CanonicalJson.mapper().writeValueAsString(problem.withInstance(ctx.request().path())));
        } catch (Exception e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
