package io.interchange.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Interchange's own console: static pages (plain ES modules, no build step, nothing fetched from
 * elsewhere) under {@code /console/}, served from the class path by the HTTP server that serves the
 * admin API, which is the only thing the pages talk to. The pages need no login of their own: every
 * request they make carries the admin user's credentials and is checked by the admin API.
 */
public class ConsolePages {

    static final String WEB_ROOT = "console";
    /** Only our own scripts and styles; answers of the admin API are data, never markup. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final String path;

    public ConsolePages(String path) {
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public String path() {
        return path + "/";
    }

    void mount(Router router) {
        router.route(path).order(-2).handler(ctx -> {
            if (ctx.request().path().equals(path)) {
                ctx.redirect(path + "/");
            } else {
                ctx.next();
            }
        });
        router.route(path + "/*").order(-1).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        }).handler(StaticHandler.create(WEB_ROOT).setIndexPage("index.html")
                // the pages change with a release; a stale module after an upgrade would mix versions
                .setCachingEnabled(false).setDirectoryListing(false));
    }
}
