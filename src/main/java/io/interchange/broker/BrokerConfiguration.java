package io.interchange.broker;

import java.nio.file.Path;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.utils.ByteUtil;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.health.HealthCheckRegistry;
import io.interchange.observe.BrokerHealthCheck;
import io.interchange.ops.dlq.EmbeddedQueueDepth;
import io.interchange.ops.dlq.ManagementQueueDepth;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the internal bus: starts the embedded Artemis broker unless {@code interchange.broker.url}
 * names an external one, and gives the {@code jms} component a pooled connection factory.
 */
public class BrokerConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfiguration.class);

    @PropertyInject(value = "interchange.broker.url", defaultValue = "")
    private String brokerUrl;
    @PropertyInject(value = "interchange.broker.username", defaultValue = "")
    private String username;
    @PropertyInject(value = "interchange.broker.password", defaultValue = "")
    private String password;
    @PropertyInject("interchange.broker.embedded.acceptor")
    private String acceptor;
    @PropertyInject("interchange.broker.embedded.journal-dir")
    private String journalDir;
    @PropertyInject("interchange.broker.embedded.global-max-size")
    private String globalMaxSize;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.queue.orders-dlq")
    private String ordersDlq;
    @PropertyInject("interchange.queue.events")
    private String eventsQueue;
    @PropertyInject("interchange.topic.events")
    private String eventsTopic;
    @PropertyInject("interchange.queue.cancellations")
    private String cancellationsQueue;
    @PropertyInject("interchange.queue.cancellations-dlq")
    private String cancellationsDlq;
    @PropertyInject("interchange.queue.callbacks")
    private String callbacksQueue;
    @PropertyInject("interchange.queue.callbacks-dlq")
    private String callbacksDlq;
    @PropertyInject("interchange.queue.webhooks-dlq")
    private String webhooksDlq;
    @PropertyInject("interchange.queue.webhooks-replay")
    private String webhooksReplay;
    @PropertyInject("interchange.edi.queue.order-responses")
    private String orderResponsesQueue;
    @PropertyInject("interchange.edi.queue.order-responses-dlq")
    private String orderResponsesDlq;
    @PropertyInject("interchange.processing.max-attempts")
    private int maxAttempts;
    @PropertyInject("interchange.processing.redelivery-delay-ms")
    private long redeliveryDelay;
    @PropertyInject("interchange.processing.redelivery-multiplier")
    private double redeliveryMultiplier;
    @PropertyInject("interchange.processing.redelivery-max-delay-ms")
    private long redeliveryMaxDelay;
    @PropertyInject("interchange.processing.redelivery-jitter")
    private double redeliveryJitter;

    private EmbeddedBroker embedded;

    @BindToRegistry("busTopology")
    public BusTopology busTopology() {
        return new BusTopology(
                List.of(new BusTopology.DurableQueue(ordersQueue, ordersDlq),
                        new BusTopology.DurableQueue(ordersDlq, null),
                        new BusTopology.DurableQueue(eventsQueue, null),
                        new BusTopology.DurableQueue(cancellationsQueue, cancellationsDlq),
                        new BusTopology.DurableQueue(cancellationsDlq, null),
                        new BusTopology.DurableQueue(callbacksQueue, callbacksDlq),
                        new BusTopology.DurableQueue(callbacksDlq, null),
                        new BusTopology.DurableQueue(webhooksDlq, null),
                        new BusTopology.DurableQueue(webhooksReplay, webhooksDlq),
                        new BusTopology.DurableQueue(orderResponsesQueue, orderResponsesDlq),
                        new BusTopology.DurableQueue(orderResponsesDlq, null)),
                List.of(eventsTopic),
                new BusTopology.Redelivery(maxAttempts, redeliveryDelay, redeliveryMultiplier, redeliveryMaxDelay,
                        redeliveryJitter));
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        String url = brokerUrl;
        if (url.isBlank()) {
            embedded = new EmbeddedBroker(Path.of(journalDir), acceptor, busTopology(),
                    ByteUtil.convertTextBytes(globalMaxSize));
            context.getRegistry().bind("embeddedBroker", embedded);
            // stopOnShutdown: Camel stops services after the routes, so the broker goes last
            context.addService(embedded, true, true);
            url = EmbeddedBroker.IN_VM_URL;
        } else {
            LOG.info("Using external broker {}; the embedded broker is not started", url);
        }
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(url);
        // a send by queue name otherwise asks the broker about the queue first, a round trip per
        // message that costs more than the send itself; the queues here are fixed
        artemis.setCacheDestinations(true);
        if (!username.isBlank()) {
            artemis.setUser(username);
            artemis.setPassword(password);
        }
        JmsPoolConnectionFactory pooled = new JmsPoolConnectionFactory();
        pooled.setConnectionFactory(artemis);
        pooled.setMaxConnections(4);
        pooled.setMaxSessionsPerConnection(200);
        context.getRegistry().bind("jmsConnectionFactory", pooled);
        context.addService(new PooledConnectionFactoryService(pooled), true, true);
        context.getComponent("jms", JmsComponent.class).setConnectionFactory(pooled);
        // how deep each queue is: straight from the embedded broker, or asked of the external one
        context.getRegistry().bind("queueDepth", embedded != null ? new EmbeddedQueueDepth(embedded)
                : new ManagementQueueDepth(pooled));
        HealthCheckRegistry.get(context).register(new BrokerHealthCheck(pooled, embedded != null ? "embedded" : url));
    }
}
