package io.interchange.admission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * An admission's persistent send to the bus, asynchronous: the message goes out with a JMS 2.0
 * {@link CompletionListener} and the route goes on (the row, the 202) only once the broker confirmed
 * it durable; a refusal or no confirmation within {@code timeout} fails the exchange (nothing
 * recorded, the sender gets 500 and sends again). Meanwhile no thread waits: the HTTP worker that
 * ran the route so far is free for the next request, and more sends reach the broker's journal
 * within one sync. The route continues on {@code continuation}, never on the broker client's own
 * thread, which delivers the confirmations of every session on its connection in turn.
 *
 * <p>Camel's {@code jms:} producer sends synchronously (Spring's {@code JmsTemplate}), so this is the
 * one send that does not go through it. In: body the text the bus gets, headers its JMS properties
 * (the document's identity, set by {@link DocumentAdmission#track}).
 */
public final class DurableSend extends AsyncProcessorSupport {

    private final ConnectionFactory connectionFactory;
    private final String queue;
    private final Executor continuation;
    private final Duration timeout;

    /**
     * @param connectionFactory one whose sends the broker confirms (for Artemis: a confirmation
     *                          window set, see {@code BrokerConfiguration})
     */
    public DurableSend(ConnectionFactory connectionFactory, String queue, Executor continuation, Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
        this.continuation = continuation;
        this.timeout = timeout;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message(session, exchange.getMessage()), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    durable.complete(null);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    durable.completeExceptionally(exception);
                }
            });
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        durable.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                exchange.setException(cause(failure));
            }
            callback.done(false);
        }, continuation);
        return false;
    }

    private static TextMessage message(Session session, org.apache.camel.Message in) throws Exception {
        TextMessage message = session.createTextMessage(in.getMandatoryBody(String.class));
        for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
            message.setObjectProperty(header.getKey(), header.getValue());
        }
        return message;
    }

    private Throwable cause(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new IllegalStateException("The broker did not confirm the send to " + queue + " within " + timeout
                    + "; it may still arrive, without its tracking row (tracked when consumed)", cause);
        }
        return cause;
    }

    @Override
    public String toString() {
        return "durableSend[" + queue + "]";
    }
}
