package io.interchange.ops.jmx;

/** {@code io.interchange:type=ErpBreaker}: the ERP circuit breaker and the consumer waiting on it. */
public interface ErpBreakerMBean {

    String getState();

    String getSince();

    boolean isConsumerPaused();

    int getHeldExchanges();

    long getQueueDepth();
}
