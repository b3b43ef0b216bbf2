package io.interchange.ops.jmx;

import io.interchange.ops.admin.AdminUsers;
import io.interchange.ops.audit.AuditLog;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.plugin.DefaultJolokiaPlatformHttpPlugin;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Jolokia at {@code interchange.jolokia.path} on the platform HTTP server, behind
 * {@link JolokiaGuard}. Camel's own Jolokia route ({@code camel.management.jolokiaEnabled}) has no
 * authentication and stays off; this one reuses the same Jolokia plugin.
 */
public class JolokiaEndpoint extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaEndpoint.class);

    private final CamelContext context;
    private final int port;
    private final String path;
    private final AdminUsers users;
    private final AuditLog audit;
    private final String realm;
    private DefaultJolokiaPlatformHttpPlugin plugin;

    public JolokiaEndpoint(CamelContext context, int port, String path, AdminUsers users, AuditLog audit, String realm) {
        this.context = context;
        this.port = port;
        this.path = path;
        this.users = users;
        this.audit = audit;
        this.realm = realm;
    }

    /** Mounts Jolokia once the HTTP server runs. */
    public EventNotifierSupport startListener() {
        return new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) throws Exception {
                mount();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private void mount() throws Exception {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            LOG.warn("No HTTP server on port {}; Jolokia is not served", port);
            return;
        }
        plugin = new DefaultJolokiaPlatformHttpPlugin();
        plugin.setCamelContext(context);
        plugin.start();
        Handler<RoutingContext> guarded = new JolokiaGuard(users, audit, realm,
                (Handler<RoutingContext>) plugin.getHandler());
        for (String route : new String[] {path, path + "/*"}) {
            router.route(route).order(-1).handler(BodyHandler.create(false)).blockingHandler(guarded);
        }
        LOG.info("Jolokia (for Hawtio) at {} for admin users", path);
    }

    @Override
    protected void doStop() {
        if (plugin != null) {
            plugin.stop();
            plugin = null;
        }
    }
}
