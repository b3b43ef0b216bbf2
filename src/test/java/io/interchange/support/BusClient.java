package io.interchange.support;

import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A standard JMS client connected to the embedded broker's TCP acceptor, as an outside
 * application would connect.
 */
public final class BusClient implements AutoCloseable {

    private final Connection connection;
    private final Session session;

    public BusClient(String acceptorUrl) {
        try {
            connection = new ActiveMQConnectionFactory(acceptorUrl.replaceAll("\\?.*", "")).createConnection();
            connection.start();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the message about {@code documentId} off {@code queue}, waiting up to 10 seconds. */
    public Message receive(String queue, String documentId) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), "documentId = '" + documentId + "'")) {
            return consumer.receive(10_000);
        }
    }

    /** Sends a text message with these string properties to {@code queue}, as an outside producer would. */
    public void send(String queue, String body, Map<String, String> properties) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
    }

    public MessageConsumer subscribe(String topic) throws JMSException {
        return session.createConsumer(session.createTopic(topic));
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
