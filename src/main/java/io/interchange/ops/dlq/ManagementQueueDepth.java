package io.interchange.ops.dlq;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depth of an external Artemis broker, asked through its management address
 * ({@code activemq.management}) with a JMS request/reply: needs no JMX port on the broker, only a
 * user allowed to {@code manage} (the {@code manage} permission on {@code activemq.management.#}).
 */
public class ManagementQueueDepth implements QueueDepth {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementQueueDepth.class);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long TIMEOUT_MS = 2_000;

    private final ConnectionFactory connectionFactory;

    public ManagementQueueDepth(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public long messages(String queue) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            request.setJMSReplyTo(replies);
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                    MessageConsumer consumer = session.createConsumer(replies)) {
                producer.send(request);
                Message reply = consumer.receive(TIMEOUT_MS);
                if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                    return -1;
                }
                return ((Number) JMSManagementHelper.getResult(reply, Long.class)).longValue();
            } finally {
                replies.delete();
            }
        } catch (Exception e) {
            LOG.debug("Cannot read the depth of {} from the broker: {}", queue, e.getMessage());
            return -1;
        }
    }
}
