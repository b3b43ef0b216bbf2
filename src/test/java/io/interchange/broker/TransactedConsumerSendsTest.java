package io.interchange.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.interchange.support.FreePorts;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * A transacted consumer's route sends (its lifecycle event, a retry copy, a dead letter) inside the
 * consumer's own transaction: when that transaction does not commit — a broker failover rolls it
 * back, a crash cuts it off — the sends go with it and the message comes back. Here the route
 * rolls its own transaction back on the first delivery, as a failover would, through the
 * {@code jms} component as {@link BrokerConfiguration} sets it up.
 */
class TransactedConsumerSendsTest {

    @TempDir
    Path journal;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory artemis;
    private JmsPoolConnectionFactory pooled;
    private CamelContext camel;

    @BeforeEach
    void start() {
        String acceptor = "tcp://localhost:" + FreePorts.next();
        broker = new EmbeddedBroker(journal, acceptor + "?protocols=CORE", new BusTopology(
                List.of(new BusTopology.DurableQueue("work", null), new BusTopology.DurableQueue("events", null)),
                List.of(), new BusTopology.Redelivery(5, 0, 1.0, 0, 0.0)), 32L * 1024 * 1024, 500_000);
        broker.start();
        artemis = new ActiveMQConnectionFactory(acceptor);
        pooled = new JmsPoolConnectionFactory();
        pooled.setConnectionFactory(artemis);
        pooled.start();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        pooled.stop();
        artemis.close();
        broker.stop();
    }

    @Test
    void sendsOfATransactionThatDidNotCommitAreNotOnTheBus() throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        camel = new DefaultCamelContext();
        JmsComponent jms = new JmsComponent();
        BrokerConfiguration.sendAndReceiveThrough(jms, pooled);
        camel.addComponent("jms", jms);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the shape of process-orders: transacted, cached consumer, the event sent by a multicast
                from("jms:queue:work?transacted=true&cacheLevelName=CACHE_CONSUMER")
                        .multicast().to("jms:queue:events").end()
                        .process(exchange -> {
                            if (deliveries.incrementAndGet() == 1) {
                                exchange.getIn(JmsMessage.class).getJmsSession().rollback();
                            }
                        });
            }
        });
        camel.start();

        try (Connection connection = artemis.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageProducer producer = session.createProducer(session.createQueue("work"))) {
                producer.send(session.createTextMessage("order"));
            }
            await("the message back after its rolled-back delivery").atMost(Duration.ofSeconds(30))
                    .until(() -> deliveries.get() == 2);
            camel.stop(); // waits for the second delivery's commit

            try (MessageConsumer events = session.createConsumer(session.createQueue("events"))) {
                assertThat(events.receive(10_000)).as("the event of the delivery that committed").isNotNull();
                assertThat(events.receiveNoWait()).as("an event of the delivery rolled back").isNull();
            }
            try (MessageConsumer work = session.createConsumer(session.createQueue("work"))) {
                assertThat(work.receiveNoWait()).as("the message, acknowledged once").isNull();
            }
        }
    }
}
