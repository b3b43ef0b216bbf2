package io.interchange.security;

import java.time.Duration;

import org.apache.camel.BindToRegistry;
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
 * {@link RequestReadDeadline} on the HTTP server.
 */
public class SecurityConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    // read by configure(), which hooks the HTTP server rather than building a bean
    @PropertyInject("interchange.http.port")
    private int httpPort;
    @PropertyInject("interchange.http.request-read-timeout-ms")
    private long requestReadTimeoutMs;

    @BindToRegistry("loginThrottle")
    public LoginThrottle loginThrottle(@PropertyInject("interchange.login.user-failures") int userFailures,
                                       @PropertyInject("interchange.login.address-failures") int addressFailures,
                                       @PropertyInject("interchange.login.lockout") String lockout,
                                       @PropertyInject("interchange.login.max-lockout") String maxLockout,
                                       @PropertyInject("interchange.login.forget-after") String forgetAfter,
                                       @PropertyInject("interchange.login.concurrent-checks") int concurrentChecks,
                                       @PropertyInject("interchange.login.max-tracked") int maxTracked) {
        return new LoginThrottle(new LoginThrottle.Settings(userFailures, addressFailures, Duration.parse(lockout),
                Duration.parse(maxLockout), Duration.parse(forgetAfter), concurrentChecks, maxTracked));
    }

    @Override
    public void configure(CamelContext context) {
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
