package io.interchange.observe;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check that reports in {@code /observe/health} but is neither a readiness nor a liveness check:
 * what it finds (a dead peer, one partner's folder) degrades this instance without taking it out of
 * the load balancer or getting it restarted.
 */
public abstract class ReportingHealthCheck extends AbstractHealthCheck {

    protected ReportingHealthCheck(String group, String id) {
        super(group, id);
    }

    @Override
    public final boolean isReadiness() {
        return false;
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }
}
