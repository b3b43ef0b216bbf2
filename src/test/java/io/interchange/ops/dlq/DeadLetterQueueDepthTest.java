package io.interchange.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import io.interchange.broker.BusTopology;
import io.interchange.broker.EmbeddedBroker;
import io.interchange.support.FreePorts;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue depth of a broker Interchange only reaches over the network, as with an external Artemis. */
class DeadLetterQueueDepthTest {

    @TempDir
    Path journal;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory remote;

    @BeforeEach
    void startBroker() {
        String acceptor = "tcp://localhost:" + FreePorts.next();
        broker = new EmbeddedBroker(journal, acceptor + "?protocols=CORE", new BusTopology(
                List.of(new BusTopology.DurableQueue("orders.inbound", "orders.dlq"), new BusTopology.DurableQueue("orders.dlq", null)),
                List.of(), new BusTopology.Redelivery(3, 100, 2.0, 1000, 0.1)), 32L * 1024 * 1024, 500_000);
        broker.start();
        remote = new ActiveMQConnectionFactory(acceptor);
    }

    @AfterEach
    void stopBroker() {
        remote.close();
        broker.stop();
    }

    @Test
    void depthIsAskedThroughTheManagementAddress() throws Exception {
        try (Connection connection = remote.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("orders.dlq"))) {
            for (int i = 0; i < 3; i++) {
                producer.send(session.createTextMessage("{}"));
            }
        }
        ManagementQueueDepth depth = new ManagementQueueDepth(remote);

        assertThat(depth.messages("orders.dlq")).isEqualTo(3);
        assertThat(depth.messages("orders.inbound")).isZero();
        assertThat(depth.messages("no.such.queue")).as("unknown, not an error").isEqualTo(-1);
        assertThat(new EmbeddedQueueDepth(broker).messages("orders.dlq")).isEqualTo(3);
    }
}
