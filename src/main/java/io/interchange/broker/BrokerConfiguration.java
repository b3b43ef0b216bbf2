package io.interchange.broker;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.ConnectionFactory;
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
import io.interchange.ops.dlq.QueueDepth;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the internal bus: starts the embedded Artemis broker unless {@code interchange.broker.url}
 * names an external one, and gives the {@code jms} component a pooled connection factory.
 */
public class BrokerConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfiguration.class);

    // read by configure() for the health check's description
    @PropertyInject(value = "interchange.broker.url", defaultValue = "")
    private String brokerUrl;

    @BindToRegistry("busTopology")
    public BusTopology busTopology(@PropertyInject("interchange.queue.orders") String ordersQueue,
                                   @PropertyInject("interchange.queue.orders-dlq") String ordersDlq,
                                   @PropertyInject("interchange.queue.events") String eventsQueue,
                                   @PropertyInject("interchange.topic.events") String eventsTopic,
                                   @PropertyInject("interchange.queue.cancellations") String cancellationsQueue,
                                   @PropertyInject("interchange.queue.cancellations-dlq") String cancellationsDlq,
                                   @PropertyInject("interchange.queue.callbacks") String callbacksQueue,
                                   @PropertyInject("interchange.queue.callbacks-dlq") String callbacksDlq,
                                   @PropertyInject("interchange.queue.webhooks-dlq") String webhooksDlq,
                                   @PropertyInject("interchange.queue.webhooks-replay") String webhooksReplay,
                                   @PropertyInject("interchange.edi.queue.order-responses") String orderResponsesQueue,
                                   @PropertyInject("interchange.edi.queue.order-responses-dlq") String orderResponsesDlq,
                                   @PropertyInject("interchange.processing.max-attempts") int maxAttempts,
                                   @PropertyInject("interchange.processing.redelivery-delay-ms") long redeliveryDelay,
                                   @PropertyInject("interchange.processing.redelivery-multiplier") double redeliveryMultiplier,
                                   @PropertyInject("interchange.processing.redelivery-max-delay-ms") long redeliveryMaxDelay,
                                   @PropertyInject("interchange.processing.redelivery-jitter") double redeliveryJitter) {
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

    /**
     * The embedded Artemis, started with the context unless {@code interchange.broker.url} names an
     * external broker (then it is bound but never started, so the wiring is the same either way).
     */
    @BindToRegistry("embeddedBroker")
    public EmbeddedBroker embeddedBroker(CamelContext context, BusTopology busTopology,
                                         @PropertyInject(value = "interchange.broker.url", defaultValue = "") String url,
                                         @PropertyInject("interchange.broker.embedded.acceptor") String acceptor,
                                         @PropertyInject("interchange.broker.embedded.journal-dir") String journalDir,
                                         @PropertyInject("interchange.broker.embedded.global-max-size") String globalMaxSize,
                                         @PropertyInject("interchange.broker.embedded.journal-buffer-timeout-ns") int journalBufferTimeout)
            throws Exception {
        EmbeddedBroker embedded = new EmbeddedBroker(Path.of(journalDir), acceptor, busTopology,
                ByteUtil.convertTextBytes(globalMaxSize), journalBufferTimeout);
        if (url.isBlank()) {
            // stopOnShutdown: Camel stops services after the routes, and in reverse order, so the broker goes last
            context.addService(embedded, true, true);
        } else {
            LOG.info("Using external broker {}; the embedded broker is not started", url);
        }
        return embedded;
    }

    /** The pooled connections of the {@code jms} component: to the embedded broker in the JVM, or the external one. */
    @BindToRegistry("jmsConnectionFactory")
    public JmsPoolConnectionFactory jmsConnectionFactory(CamelContext context, EmbeddedBroker embeddedBroker,
                                                         @PropertyInject(value = "interchange.broker.url", defaultValue = "") String url,
                                                         @PropertyInject(value = "interchange.broker.username", defaultValue = "") String username,
                                                         @PropertyInject(value = "interchange.broker.password", defaultValue = "") String password)
            throws Exception {
        return pooled(context, artemis(url, username, password));
    }

    /**
     * Connections whose sends the broker confirms one by one once durable, for the admissions'
     * asynchronous sends ({@code admission.DurableSend}); apart from the {@code jms} component's, so
     * its sends and consumers keep Artemis' defaults.
     */
    @BindToRegistry("confirmingConnections")
    public ConfirmingConnections confirmingConnections(CamelContext context, EmbeddedBroker embeddedBroker,
                                                       @PropertyInject(value = "interchange.broker.url", defaultValue = "") String url,
                                                       @PropertyInject(value = "interchange.broker.username", defaultValue = "") String username,
                                                       @PropertyInject(value = "interchange.broker.password", defaultValue = "") String password)
            throws Exception {
        ActiveMQConnectionFactory artemis = artemis(url, username, password);
        // Artemis' asynchronous send acknowledgements need a confirmation window (its default, -1, has
        // none); a window of N bytes is confirmed only once N bytes arrived; 0 confirms each send as
        // soon as it is durable
        artemis.setConfirmationWindowSize(0);
        return new ConfirmingConnections(pooled(context, artemis));
    }

    private static ActiveMQConnectionFactory artemis(String url, String username, String password) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(url.isBlank() ? EmbeddedBroker.IN_VM_URL : url);
        // a send by queue name otherwise asks the broker about the queue first, a round trip per
        // message that costs more than the send itself; the queues here are fixed
        artemis.setCacheDestinations(true);
        if (!username.isBlank()) {
            artemis.setUser(username);
            artemis.setPassword(password);
        }
        return artemis;
    }

    private static JmsPoolConnectionFactory pooled(CamelContext context, ActiveMQConnectionFactory artemis) throws Exception {
        JmsPoolConnectionFactory pooled = new JmsPoolConnectionFactory();
        pooled.setConnectionFactory(artemis);
        pooled.setMaxConnections(4);
        pooled.setMaxSessionsPerConnection(200);
        context.addService(new PooledConnectionFactoryService(pooled), true, true);
        return pooled;
    }

    /** How deep each queue is: straight from the embedded broker, or asked of the external one. */
    @BindToRegistry("queueDepth")
    public QueueDepth queueDepth(EmbeddedBroker embeddedBroker, JmsPoolConnectionFactory jmsConnectionFactory,
                                 @PropertyInject(value = "interchange.broker.url", defaultValue = "") String url) {
        return url.isBlank() ? new EmbeddedQueueDepth(embeddedBroker) : new ManagementQueueDepth(jmsConnectionFactory);
    }

    /**
     * The {@code jms} component on the bus's connections. A transacted consumer ({@code transacted:
     * true}) runs a local transaction on its own session and lends that session to the route's
     * {@code jms:} sends, so what it took and what it sent commit together or not at all. Camel's
     * default instead creates a {@code JmsTransactionManager} for it, whose session is not the
     * cached consumer's: the sends then commit in a second transaction, after the message was
     * acknowledged, and a broker failover or a crash between the two commits lost them (an order
     * booked without its event; a retry copy or dead letter gone with the original; docs/operations.md §11a).
     */
    static void sendAndReceiveThrough(JmsComponent jms, ConnectionFactory connectionFactory) {
        jms.setConnectionFactory(connectionFactory);
        jms.setLazyCreateTransactionManager(false);
    }

    @Override
    public void configure(CamelContext context) {
        JmsPoolConnectionFactory pooled = context.getRegistry().findSingleByType(JmsPoolConnectionFactory.class);
        sendAndReceiveThrough(context.getComponent("jms", JmsComponent.class), pooled);
        HealthCheckRegistry.get(context).register(new BrokerHealthCheck(pooled, brokerUrl.isBlank() ? "embedded" : brokerUrl));
    }
}
