package io.interchange.broker;

import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/** Closes the pooled JMS connections when Camel shuts down, before the embedded broker stops. */
final class PooledConnectionFactoryService extends ServiceSupport {

    private final JmsPoolConnectionFactory pool;

    PooledConnectionFactoryService(JmsPoolConnectionFactory pool) {
        this.pool = pool;
    }

    @Override
    protected void doStart() {
        pool.start();
    }

    @Override
    protected void doStop() {
        pool.stop();
    }
}
