package io.interchange.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import io.interchange.processing.DeadLetterHeaders;
import io.interchange.support.FreePorts;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message whose deliveries all end without Interchange's dead-letter step (here: a consumer that
 * only rolls back) is moved by the embedded broker itself, and still carries its reason headers.
 */
class BrokerDeadLetterReasonsTest {

    private static final int MAX_ATTEMPTS = 2;

    private static EmbeddedBroker broker;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        url = "tcp://localhost:" + FreePorts.next();
        BusTopology topology = new BusTopology(
                List.of(new BusTopology.DurableQueue("work", "work.dlq"), new BusTopology.DurableQueue("work.dlq", null)),
                List.of(), new BusTopology.Redelivery(MAX_ATTEMPTS, 0, 1.0, 0, 0.0));
        broker = new EmbeddedBroker(Files.createTempDirectory("broker-dlq-test-"), url + "?protocols=CORE", topology,
                8 * 1024 * 1024, 500_000);
        broker.start();
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    @Test
    void aMessageTheBrokerDeadLettersCarriesTheReasonAndItsQueue() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            connection.start();
            Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = sender.createProducer(sender.createQueue("work"));
            Message sent = sender.createTextMessage("{}");
            sent.setStringProperty("documentId", "doc-1");
            producer.send(sent);

            Session consumerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue("work"))) {
                // every delivery the broker allows fails before any dead-letter step of ours could run
                for (int delivery = 1; delivery <= MAX_ATTEMPTS + 1; delivery++) {
                    assertThat(consumer.receive(10_000)).as("delivery " + delivery).isNotNull();
                    consumerSession.rollback();
                }
                assertThat(consumer.receiveNoWait()).isNull();
            }

            try (MessageConsumer deadLetters = sender.createConsumer(sender.createQueue("work.dlq"))) {
                Message letter = deadLetters.receive(10_000);
                assertThat(letter).isNotNull();
                assertThat(letter.getStringProperty("documentId")).isEqualTo("doc-1");
                assertThat(letter.getStringProperty(DeadLetterHeaders.ERROR)).startsWith("moved by the broker after 3 delivery attempts");
                assertThat(letter.getStringProperty(DeadLetterHeaders.ERROR_CLASS)).isEqualTo(BrokerDeadLetterReasons.BROKER_LIMIT);
                assertThat(letter.getIntProperty(DeadLetterHeaders.ATTEMPTS)).isEqualTo(MAX_ATTEMPTS + 1);
                assertThat(letter.getStringProperty(DeadLetterHeaders.ORIGINAL_QUEUE)).isEqualTo("work");
                assertThat(letter.getStringProperty(DeadLetterHeaders.DEAD_LETTERED_AT)).isNotBlank();
            }
        }
    }

    @Test
    void aDeadLetterSentWithItsReasonKeepsIt() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message letter = session.createTextMessage("{}");
            letter.setStringProperty(DeadLetterHeaders.ERROR, "ErpUnavailableException: 503");
            letter.setStringProperty("documentId", "doc-2");
            session.createProducer(session.createQueue("work.dlq")).send(letter);

            try (MessageConsumer deadLetters = session.createConsumer(session.createQueue("work.dlq"), "documentId = 'doc-2'")) {
                Message received = deadLetters.receive(10_000);
                assertThat(received.getStringProperty(DeadLetterHeaders.ERROR)).isEqualTo("ErpUnavailableException: 503");
                assertThat(received.propertyExists(DeadLetterHeaders.ERROR_CLASS)).isFalse();
            }
        }
    }
}
