package io.interchange.ops.jmx;

import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.audit.AuditLog;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.StaticConfiguration;
import org.jolokia.server.core.http.HttpRequestHandler;
import org.jolokia.server.core.service.JolokiaServiceManagerFactory;
import org.jolokia.server.core.service.api.JolokiaServiceManager;
import org.jolokia.server.core.service.api.LogHandler;
import org.jolokia.server.core.util.NetworkUtil;
import org.jolokia.service.jmx.LocalRequestHandler;
import org.jolokia.service.serializer.JolokiaSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Jolokia at {@code interchange.jolokia.path} on the platform HTTP server, behind
 * {@link JolokiaGuard}. Camel's own Jolokia route ({@code camel.management.jolokiaEnabled}) has no
 * authentication and one access policy for everyone, so it stays off; this one is Jolokia's agent
 * with {@link RoleRestrictor}, the access policy of the caller's role.
 */
public class JolokiaEndpoint extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaEndpoint.class);
    /** Jolokia requests are small; the body is read before the login, so anyone could send it. */
    private static final long MAX_REQUEST_BYTES = 1 << 20;

    private final CamelContext context;
    private final int port;
    private final String path;
    private final AdminLogin login;
    private final AuditLog audit;
    private final String realm;
    private JolokiaServiceManager jolokia;

    public JolokiaEndpoint(CamelContext context, int port, String path, AdminLogin login, AuditLog audit, String realm) {
        this.context = context;
        this.port = port;
        this.path = path;
        this.login = login;
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
            public void notify(CamelEvent event) {
                mount();
            }
        };
    }

    private void mount() {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            LOG.warn("No HTTP server on port {}; Jolokia is not served", port);
            return;
        }
        // no stack traces in answers: they name classes and sometimes values
        StaticConfiguration config = new StaticConfiguration(ConfigKey.AGENT_ID,
                NetworkUtil.getAgentId(hashCode(), "interchange"), ConfigKey.INCLUDE_STACKTRACE, "false",
                ConfigKey.SERIALIZE_EXCEPTION, "false");
        jolokia = JolokiaServiceManagerFactory.createJolokiaServiceManager(config, new Slf4jLog(),
                RoleRestrictor.fromClasspath());
        jolokia.addService(new JolokiaSerializer());
        jolokia.addService(new LocalRequestHandler(1));
        HttpRequestHandler requests = new HttpRequestHandler(jolokia.start());
        JolokiaGuard guarded = new JolokiaGuard(login, audit, realm, path, requests);
        for (String route : new String[] {path, path + "/*"}) {
            router.route(route).order(-1).handler(BodyHandler.create(false).setBodyLimit(MAX_REQUEST_BYTES))
                    .blockingHandler(guarded);
        }
        LOG.info("Jolokia (for Hawtio) at {} for admin users, access policy per role", path);
    }

    @Override
    protected void doStop() {
        if (jolokia != null) {
            jolokia.stop();
            jolokia = null;
        }
    }

    private static final class Slf4jLog implements LogHandler {

        @Override
        public void debug(String message) {
            LOG.debug(message);
        }

        @Override
        public void info(String message) {
            LOG.info(message);
        }

        @Override
        public void error(String message, Throwable t) {
            LOG.error(message, t);
        }

        @Override
        public boolean isDebug() {
            return LOG.isDebugEnabled();
        }
    }
}
