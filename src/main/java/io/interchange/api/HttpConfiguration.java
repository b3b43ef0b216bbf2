package io.interchange.api;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Makes the errors the HTTP server raises before any route runs (body too large, no such path,
 * method not allowed) answer with problem+json like everything else.
 */
public class HttpConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                        VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME);
                if (router != null) {
                    router.errorHandler(413, ctx -> ServerProblems.write(ctx, Problem.of(413, "payload-too-large",
                            "Payload Too Large", "The request body is larger than the configured limit.")));
                    router.errorHandler(404, ctx -> ServerProblems.write(ctx, Problem.of(404, "not-found",
                            "Not Found", "No resource at " + ctx.request().path() + ".")));
                    router.errorHandler(405, ctx -> ServerProblems.write(ctx, Problem.of(405, "method-not-allowed",
                            "Method Not Allowed", ctx.request().method() + " is not supported on " + ctx.request().path() + ".")));
                }
            }
        });
    }
}
