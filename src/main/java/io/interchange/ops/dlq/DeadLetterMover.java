package io.interchange.ops.dlq;

import java.time.Instant;
import java.util.Enumeration;
import java.util.Set;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import io.interchange.processing.DeadLetterHeaders;
import io.interchange.processing.OrderRetries;

/**
 * Takes one dead letter off its queue, in a local JMS transaction: for a replay a fresh copy goes to
 * the original queue in the same transaction, so the message is in exactly one of the two queues
 * whatever fails. A fresh message starts with {@code JMSXDeliveryCount} 1, which gives the replay
 * the full number of attempts again. The failure headers of the last run are dropped; the replay
 * headers say how often, by whom and from where it was replayed.
 */
public class DeadLetterMover {

    /** Consumer wait: the browser saw the message, so it is there unless someone else took it. */
    private static final long RECEIVE_TIMEOUT_MS = 5_000;
    private static final Set<String> FAILURE_HEADERS = Set.of(DeadLetterHeaders.ERROR, DeadLetterHeaders.ERROR_CLASS,
            DeadLetterHeaders.FAILED_ROUTE, DeadLetterHeaders.ATTEMPTS, DeadLetterHeaders.DEAD_LETTERED_AT,
            // the retry state of an order the broker itself dead-lettered: a replay starts afresh
            OrderRetries.ATTEMPTS_MADE, OrderRetries.FAILING_SINCE, OrderRetries.LAST_FAILURE);

    private final ConnectionFactory connectionFactory;

    public DeadLetterMover(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** Work to do while the transaction is open (tracking); an exception in it rolls the move back. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run() throws Exception;
    }

    /** @return false when the message is no longer on its queue (replayed or discarded meanwhile) */
    public boolean replay(DeadLetter letter, String target, String actor, BeforeCommit beforeCommit) {
        return take(letter, (session, message) -> {
            Message copy = copyOf(session, message);
            copy.setIntProperty(DeadLetter.REPLAYS, letter.replays() + 1);
            copy.setStringProperty(DeadLetter.REPLAYED_BY, actor);
            copy.setStringProperty(DeadLetter.REPLAYED_AT, Instant.now().toString());
            copy.setStringProperty(DeadLetter.REPLAYED_FROM, letter.queue());
            try (MessageProducer producer = session.createProducer(session.createQueue(target))) {
                producer.send(copy, DeliveryMode.PERSISTENT, message.getJMSPriority(), 0);
            }
        }, beforeCommit);
    }

    /** @return false when the message is no longer on its queue */
    public boolean discard(DeadLetter letter, BeforeCommit beforeCommit) {
        return take(letter, (session, message) -> { }, beforeCommit);
    }

    private interface Step {
        void apply(Session session, Message message) throws JMSException;
    }

    private boolean take(DeadLetter letter, Step step, BeforeCommit beforeCommit) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(letter.queue()),
                        "JMSMessageID = '" + DeadLetter.jmsMessageId(letter.id()) + "'")) {
            connection.start();
            Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (message == null) {
                session.rollback();
                return false;
            }
            try {
                step.apply(session, message);
                beforeCommit.run();
                session.commit();
                return true;
            } catch (Exception e) {
                session.rollback();
                throw new IllegalStateException("Could not move dead letter " + letter.id() + ": " + e.getMessage(), e);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not reach " + letter.queue() + ": " + e.getMessage(), e);
        }
    }

    private static Message copyOf(Session session, Message original) throws JMSException {
        Message copy;
        if (original instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (original instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            BytesMessage bytesCopy = session.createBytesMessage();
            bytesCopy.writeBytes(content);
            copy = bytesCopy;
        } else {
            throw new JMSException("Only text and bytes messages can be replayed, not " + original.getClass().getSimpleName());
        }
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            // broker bookkeeping (delivery count, original address, ...) belongs to the old message
            if (name.startsWith("JMSX") || name.startsWith("JMS_") || name.startsWith("_AMQ") || name.startsWith("__AMQ")
                    || FAILURE_HEADERS.contains(name)) {
                continue;
            }
            copy.setObjectProperty(name, original.getObjectProperty(name));
        }
        copy.setJMSCorrelationID(original.getJMSCorrelationID());
        copy.setJMSType(original.getJMSType());
        return copy;
    }
}
