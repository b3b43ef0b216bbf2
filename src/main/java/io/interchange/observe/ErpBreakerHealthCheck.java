package io.interchange.observe;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Shows the ERP circuit breaker's state. Always UP: with the ERP down Interchange still accepts
 * and queues documents, so it must stay in the load balancer; the details say what the ERP does.
 */
public class ErpBreakerHealthCheck extends AbstractHealthCheck {

    private final CircuitBreaker breaker;

    public ErpBreakerHealthCheck(CircuitBreaker breaker) {
        super("interchange", "erp-breaker");
        this.breaker = breaker;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        builder.up()
                .detail("state", breaker.getState().name())
                .detail("failureRatePercent", metrics.getFailureRate())
                .detail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .detail("failedCalls", metrics.getNumberOfFailedCalls())
                .detail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
    }
}
