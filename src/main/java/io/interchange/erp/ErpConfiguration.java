package io.interchange.erp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.interchange.erp.sandbox.ErpSandbox;
import io.interchange.erp.sandbox.ItemCatalog;
import io.interchange.observe.ErpBreakerHealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * The ERP side: the circuit breaker that guards every ERP call (state in health, metrics and
 * JMX), the answer classifiers, and the ERP sandbox when {@code interchange.erp-sandbox.enabled}.
 */
public class ErpConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.erp.breaker.failure-rate-percent")
    private float failureRate;
    @PropertyInject("interchange.erp.breaker.minimum-calls")
    private int minimumCalls;
    @PropertyInject("interchange.erp.breaker.window-size")
    private int windowSize;
    @PropertyInject("interchange.erp.breaker.open-seconds")
    private int openSeconds;
    @PropertyInject("interchange.erp.breaker.half-open-calls")
    private int halfOpenCalls;
    @PropertyInject("interchange.erp-sandbox.enabled")
    private boolean sandboxEnabled;
    @PropertyInject(value = "interchange.erp-sandbox.host", defaultValue = "localhost")
    private String sandboxHost;
    @PropertyInject("interchange.erp-sandbox.port")
    private int sandboxPort;
    @PropertyInject(value = "interchange.erp-sandbox.journal", defaultValue = "")
    private String sandboxJournal;
    @PropertyInject("interchange.erp-sandbox.known-sku-prefixes")
    private String knownSkuPrefixes;
    @PropertyInject("interchange.erp.username")
    private String username;
    @PropertyInject("interchange.erp.password")
    private String password;

    @Override
    public void configure(CamelContext context) throws Exception {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowSize(windowSize)
                .waitDurationInOpenState(Duration.ofSeconds(openSeconds))
                // a trial call that never reaches the ERP must not keep the breaker half-open for ever
                // (the ERP consumers wait for the trials' outcome): back to open, then new trials
                .maxWaitDurationInHalfOpenState(Duration.ofSeconds(openSeconds))
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        CircuitBreaker erpBreaker = breakers.circuitBreaker("erp");
        MeterRegistry meters = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);

        context.getRegistry().bind("erpCircuitBreaker", erpBreaker);
        context.getRegistry().bind("erpAvailability", new ErpAvailability());
        context.getRegistry().bind("erpAnswer", new ErpAnswer());
        context.getRegistry().bind("erpRequestPath", new ErpRequestPath());
        HealthCheckRegistry.get(context).register(new ErpBreakerHealthCheck(erpBreaker));

        if (sandboxEnabled) {
            ItemCatalog catalog = new ItemCatalog(Arrays.stream(knownSkuPrefixes.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList());
            ErpSandbox sandbox = new ErpSandbox(sandboxHost, sandboxPort, username, password, catalog,
                    sandboxJournal.isBlank() ? null : Path.of(sandboxJournal));
            context.getRegistry().bind("erpSandbox", sandbox);
            context.addService(sandbox, true, true);
        }
    }
}
