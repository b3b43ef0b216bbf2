package io.interchange.processing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the one failure policy, {@code routes/processing/retry-then-dead-letter.camel.yaml},
 * for every flow that takes a document off the bus: decide ({@link OrderRetries}: which failures are
 * attempts, how long to wait, when to give up), then either turn the original message into its retry
 * copy for the flow's own queue or give it the dead-letter headers ({@link DeadLetterHeaders}) for the
 * flow's dead-letter queue. A flow names its queues as the exchange variables {@link #RETRY_QUEUE} and
 * {@link #DEAD_LETTER_QUEUE}; what else it records about a failure is its {@link DeliveryRecord},
 * chosen by the retry queue.
 */
public class DeliveryProgress {

    /** Exchange variable: the queue the flow consumes; a retry copy goes back to it. */
    public static final String RETRY_QUEUE = "retryQueue";
    /** Exchange variable: where the flow's last attempt goes. */
    public static final String DEAD_LETTER_QUEUE = "deadLetterQueue";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProgress.class);

    private final OrderRetries retries;
    private final Map<String, DeliveryRecord> recordsByQueue;

    public DeliveryProgress(OrderRetries retries, Map<String, DeliveryRecord> recordsByQueue) {
        this.retries = retries;
        this.recordsByQueue = Map.copyOf(recordsByQueue);
    }

    /** Decides the failed delivery's outcome; true: dead-letter it. */
    public boolean shouldDeadLetter(Exchange exchange) {
        return retries.shouldDeadLetter(exchange);
    }

    /** Notes the failure and turns the original message into its retry copy, due after its backoff. */
    public void retryLater(Exchange exchange) {
        RetryPolicy.Verdict verdict = OrderRetries.verdict(exchange);
        String when = "; tried again in " + seconds(verdict.delay()) + " s";
        Throwable cause = DeadLetterHeaders.caught(exchange);
        String detail;
        if (OrderRetries.isWait(cause)) {
            detail = "waiting, no attempt counted: " + verdict.reason() + when;
        } else if (OrderRetries.isRefusal(cause)) {
            detail = "the ERP circuit breaker refused the call; no attempt counted" + when;
        } else {
            detail = "attempt " + verdict.next().attemptsMade() + " failed: " + verdict.reason() + when;
        }
        LOG.warn("Document {} ({}) from {}: {}", documentId(exchange), exchange.getMessage().getHeader(
                DocumentHeaders.BUSINESS_KEY), queue(exchange), detail);
        try {
            record(exchange).retrying(exchange, detail);
        } catch (RuntimeException e) {
            // an error handler never throws: the retry copy must go out either way
            LOG.warn("Failed attempt of {} not recorded: {}", documentId(exchange), e.toString());
        }
        retries.prepareCopy(exchange);
    }

    /** No more retries: headers say why, where and how often; the body is the original message. */
    public void deadLettered(Exchange exchange) {
        Message message = exchange.getMessage();
        RetryPolicy.Verdict verdict = OrderRetries.verdict(exchange);
        int attempts = verdict.next().attemptsMade();
        DeadLetterHeaders.mark(exchange, queue(exchange));
        message.setHeader(DeadLetterHeaders.ERROR, verdict.reason());
        message.setHeader(DeadLetterHeaders.ATTEMPTS, attempts);
        OrderRetries.forget(message);
        try {
            record(exchange).deadLettered(exchange, verdict.reason(), attempts);
        } catch (RuntimeException e) {
            // the dead letter with its reason matters more than its record: never let the broker
            // move it on its own, without the reason
            LOG.warn("Dead letter {} not recorded: {}", documentId(exchange), e.toString());
        }
        LOG.error("Document {} ({}) from {} dead-lettered to {} after {} attempts: {}", documentId(exchange),
                message.getHeader(DocumentHeaders.BUSINESS_KEY), queue(exchange),
                exchange.getVariable(DEAD_LETTER_QUEUE, String.class), attempts, verdict.reason());
    }

    private DeliveryRecord record(Exchange exchange) {
        return recordsByQueue.getOrDefault(queue(exchange), DeliveryRecord.LOG_ONLY);
    }

    private static String queue(Exchange exchange) {
        String queue = exchange.getVariable(RETRY_QUEUE, String.class);
        if (queue == null) {
            throw new IllegalStateException("Route " + exchange.getFromRouteId() + " uses the retry policy without"
                    + " naming its queues (variables " + RETRY_QUEUE + ", " + DEAD_LETTER_QUEUE + ")");
        }
        return queue;
    }

    private static String documentId(Exchange exchange) {
        return exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_ID, String.class);
    }

    private static String seconds(Duration delay) {
        return String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0);
    }
}
