package io.interchange.console;

import java.util.concurrent.ExecutorService;

import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the consoles up beside Interchange: the pages at {@code /console/} and the Hawtio door are
 * mounted on the HTTP server as the routes start (so the console answers as soon as health does);
 * Hawtio itself is deployed once the Camel context has started, on a thread of its own, so start-up
 * to healthy does not wait for Hawtio's seconds of unpacking and deploying.
 */
public class ConsoleStartup extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStartup.class);

    private final CamelContext context;
    private final int port;
    private final ConsolePages pages;
    private final HawtioDoor door;
    private final HawtioServer hawtio;
    private ExecutorService starter;
    private VertxPlatformHttpRouter router;

    /** {@code door} and {@code hawtio} are null when Hawtio is switched off. */
    public ConsoleStartup(CamelContext context, int port, ConsolePages pages, HawtioDoor door, HawtioServer hawtio) {
        this.context = context;
        this.port = port;
        this.pages = pages;
        this.door = door;
        this.hawtio = hawtio;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextRoutesStartingEvent
                || event instanceof CamelEvent.CamelContextStartedEvent
                || event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextStoppingEvent) {
            stopHawtio();
        } else if (router == null) {
            mount(event instanceof CamelEvent.CamelContextStartedEvent);
        }
        if (event instanceof CamelEvent.CamelContextStartedEvent && router != null && hawtio != null) {
            starter = context.getExecutorServiceManager().newSingleThreadExecutor(this, "hawtio-start");
            starter.submit(this::startHawtio);
        }
    }

    /** The HTTP server is up before the routes start; should it not be yet, the started event tries again. */
    private void mount(boolean last) {
        router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            if (last) {
                LOG.warn("No HTTP server on port {}; the consoles are not served", port);
            }
            return;
        }
        pages.mount(router);
        LOG.info("Operations console at {}", pages.path());
        if (hawtio != null) {
            door.mount(router);
        }
    }

    private void startHawtio() {
        long began = System.nanoTime();
        try {
            int hawtioPort = hawtio.start();
            door.ready(router.vertx().createHttpClient(new HttpClientOptions().setMaxPoolSize(16)), hawtioPort);
            LOG.info("Hawtio at {}/ for admin users (deployed in {} ms, on loopback port {})",
                    HawtioServer.CONTEXT_PATH, (System.nanoTime() - began) / 1_000_000, hawtioPort);
        } catch (Exception e) {
            door.failed(e.getMessage());
            LOG.warn("Hawtio did not start; {}/ answers 503: {}", HawtioServer.CONTEXT_PATH, e.toString());
        }
    }

    private void stopHawtio() {
        if (starter != null) {
            context.getExecutorServiceManager().shutdownNow(starter);
        }
        if (hawtio != null) {
            try {
                hawtio.stop();
            } catch (Exception e) {
                LOG.warn("Hawtio did not stop cleanly: {}", e.toString());
            }
        }
    }
}
