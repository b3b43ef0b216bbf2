package io.interchange.api;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Makes the errors the HTTP server raises before any route runs (body too large, no such path)
 * answer with problem+json like everything else, and keeps the generated OpenAPI document.
 */
public class HttpConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.http.port")
    private int port;
    @PropertyInject("interchange.http.max-body-bytes")
    private long maxBodyBytes;

    /** {@code /api/openapi.json} generated once per REST model, not per request. */
    @BindToRegistry("openApiDocuments")
    public CachedOpenApiFactory openApiDocuments() {
        return new CachedOpenApiFactory();
    }

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
                        VertxPlatformHttpRouter.getRouterNameFromPort(port));
                if (router == null) {
                    return;
                }
                // Vert.x refuses an oversized body (413) inside the body handler; a failure handler on a
                // route matching every path sees that failure first and answers in problem+json.
                router.route().failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        ServerProblems.write(ctx, Problem.of(413, "payload-too-large", "Payload Too Large",
                                "The request body is larger than the configured limit of " + maxBodyBytes + " bytes."));
                    } else {
                        ctx.next();
                    }
                });
                // Unmatched requests would get Vert.x's HTML page; this route stays after every Camel route.
                router.route().last().handler(ctx -> ServerProblems.write(ctx, Problem.of(404, "not-found",
                        "Not Found", "No resource at " + ctx.request().method() + " " + ctx.request().path() + ".")));
            }
        });
    }
}
