package io.interchange.broker;

import jakarta.jms.ConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs several sends to the bus as one local JMS transaction: Camel's {@code jms:} producers
 * called inside {@link #run} join it (they find the transacted session bound to the thread), and
 * the broker makes them durable with one commit, one journal sync, instead of one per message.
 */
public final class BusTransaction {

    private final TransactionTemplate template;

    /** @param connectionFactory the one the {@code jms} component sends with */
    public BusTransaction(ConnectionFactory connectionFactory) {
        this.template = new TransactionTemplate(new JmsTransactionManager(connectionFactory));
    }

    /** Runs {@code sends} and commits them; nothing of them is on the bus if it throws. */
    public void run(Runnable sends) {
        template.executeWithoutResult(status -> sends.run());
    }
}
