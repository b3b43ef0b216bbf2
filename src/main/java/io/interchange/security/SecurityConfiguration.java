package io.interchange.security;

import java.time.Duration;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locks on the doors: one {@link LoginThrottle} ({@code loginThrottle}) for every password login
 * (admin API, Jolokia, remote JMX, SFTP), so failures at one door count at the others; and the
 * {@link RequestReadDeadline} on the HTTP server. Comes before the configurations whose doors use it.
 */
public class SecurityConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @PropertyInject("interchange.login.user-failures")
    private int userFailures;
    @PropertyInject("interchange.login.address-failures")
    private int addressFailures;
    @PropertyInject("interchange.login.lockout")
    private String lockout;
    @PropertyInject("interchange.login.max-lockout")
    private String maxLockout;
    @PropertyInject("interchange.login.forget-after")
    private String forgetAfter;
    @PropertyInject("interchange.login.concurrent-checks")
    private int concurrentChecks;
    @PropertyInject("interchange.login.max-tracked")
    private int maxTracked;
    @PropertyInject("interchange.http.port")
    private int httpPort;
    @PropertyInject("interchange.http.request-read-timeout-ms")
    private long requestReadTimeoutMs;

    @Override
    public void configure(CamelContext context) {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(userFailures, addressFailures,
                Duration.parse(lockout), Duration.parse(maxLockout), Duration.parse(forgetAfter), concurrentChecks,
                maxTracked));
        context.getRegistry().bind("loginThrottle", throttle);
        if (requestReadTimeoutMs > 0) {
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof CamelEvent.CamelContextRoutesStartingEvent;
                }

                @Override
                public void notify(CamelEvent event) {
                    VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                            VertxPlatformHttpRouter.getRouterNameFromPort(httpPort));
                    if (router == null) {
                        LOG.warn("No HTTP server on port {}; no request read deadline", httpPort);
                        return;
                    }
                    // before every other handler, Jolokia's and the body handlers included
                    router.route().order(Integer.MIN_VALUE)
                            .handler(new RequestReadDeadline(router.vertx(), requestReadTimeoutMs));
                }
            });
        }
    }
}
