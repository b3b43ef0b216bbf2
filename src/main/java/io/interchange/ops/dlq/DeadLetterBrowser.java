package io.interchange.ops.dlq;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/**
 * Reads dead-letter queues without taking anything off them (JMS queue browsers), so it works the
 * same against the embedded broker and an external one.
 */
public class DeadLetterBrowser {

    /** What a dead-letter id may look like; anything else cannot be one and is not looked up. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ConnectionFactory connectionFactory;
    private final DeadLetterQueues queues;

    public DeadLetterBrowser(ConnectionFactory connectionFactory, DeadLetterQueues queues) {
        this.connectionFactory = connectionFactory;
        this.queues = queues;
    }

    /** One page of matches, oldest first, and how many match in all. */
    public record Page(List<DeadLetter> letters, int matched) {
    }

    public Page list(DeadLetterFilter filter, int offset, int limit) {
        List<DeadLetter> page = new ArrayList<>();
        int matched = 0;
        for (String queue : queuesOf(filter)) {
            for (DeadLetter letter : browse(queue, filter.selector())) {
                if (filter.matches(letter)) {
                    if (matched >= offset && page.size() < limit) {
                        page.add(letter);
                    }
                    matched++;
                }
            }
        }
        return new Page(page, matched);
    }

    /** Every match, for bulk operations. */
    public List<DeadLetter> all(DeadLetterFilter filter) {
        List<DeadLetter> matches = new ArrayList<>();
        for (String queue : queuesOf(filter)) {
            browse(queue, filter.selector()).stream().filter(filter::matches).forEach(matches::add);
        }
        return matches;
    }

    public Optional<DeadLetter> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String selector = "JMSMessageID = '" + DeadLetter.jmsMessageId(id) + "'";
        for (String queue : queues.names()) {
            List<DeadLetter> found = browse(queue, selector);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private List<String> queuesOf(DeadLetterFilter filter) {
        if (filter.queue() == null) {
            return queues.names();
        }
        return queues.contains(filter.queue()) ? List.of(filter.queue()) : List.of();
    }

    private List<DeadLetter> browse(String queue, String selector) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
            connection.start();
            List<DeadLetter> letters = new ArrayList<>();
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements();) {
                letters.add(DeadLetter.read(queue, (Message) messages.nextElement()));
            }
            return letters;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue + ": " + e.getMessage(), e);
        }
    }
}
