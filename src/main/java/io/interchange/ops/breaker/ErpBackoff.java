package io.interchange.ops.breaker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-healing around the ERP: a step at the head of the ERP delivery ({@link #awaitErp}) that holds
 * the consumer while the ERP circuit breaker is open, so the orders behind it wait on the bus instead
 * of spending their delivery attempts on calls the breaker would refuse; intake keeps accepting and
 * queueing. When the breaker lets trial calls through (half-open), exactly as many exchanges go on
 * as it permits; once it closes, all go on.
 *
 * <p>Why a gate and not a suspended route: suspending a JMS consumer stops Spring's listener
 * container, which rolls back every message it receives while stopping, and each rollback counts as
 * a delivery attempt. A held exchange is never rolled back: its one delivery is the attempt it will
 * make when the ERP is back. While the context shuts down the gate opens, so shutdown never waits
 * on it.
 *
 * <p>While half-open, only the trial calls go on; the others wait for the trials' outcome. Should a
 * trial never reach the ERP, the breaker itself goes back to open after its maximum half-open wait
 * (set to the open duration in {@code OutboundConfiguration}) and hands out new trials: nobody goes on
 * to a call the breaker would refuse. A held exchange whose own time is up ({@code giveUp}: an
 * order failing for longer than its maximum age) leaves with {@link ErpHoldAbandonedException}, so
 * orders that always fail reach the dead-letter queue even while their failures keep the breaker
 * cycling.
 */
public class ErpBackoff extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ErpBackoff.class);
    private static final long POLL_MS = 200;

    private final CamelContext context;
    private final CircuitBreaker breaker;
    private final AtomicInteger trialsLeft = new AtomicInteger();
    private final int trialPermits;
    private final Predicate<Exchange> giveUp;
    private final AtomicInteger held = new AtomicInteger();
    private final Object transitions = new Object();
    private volatile CircuitBreaker.State state;
    private volatile Instant since = Instant.now();

    /**
     * @param trialCalls the breaker's permitted calls while half-open
     * @param giveUp     true for a held exchange that should stop waiting
     */
    public ErpBackoff(CamelContext context, CircuitBreaker breaker, int trialCalls, Predicate<Exchange> giveUp) {
        this.context = context;
        this.breaker = breaker;
        this.trialPermits = Math.max(1, trialCalls);
        this.giveUp = giveUp;
        this.state = breaker.getState();
    }

    /**
     * Returns when the ERP may be called: at once while the breaker is closed; while it is open, once
     * it is no longer; while it is half-open, for as many exchanges as the breaker has trial calls,
     * the others wait for the trials' outcome.
     */
    public void awaitErp(Exchange exchange) throws InterruptedException, ErpHoldAbandonedException {
        boolean counted = false;
        try {
            while (true) {
                CircuitBreaker.State current = breaker.getState();
                if (current == CircuitBreaker.State.HALF_OPEN) {
                    if (trialsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return;
                    }
                } else if (!isHolding(current)) {
                    return;
                }
                if (isShuttingDown()) {
                    return;
                }
                if (giveUp.test(exchange)) {
                    throw new ErpHoldAbandonedException("the ERP circuit breaker is " + current
                            + " and the document's time to wait for it is up");
                }
                if (!counted) {
                    counted = true;
                    held.incrementAndGet();
                }
                synchronized (transitions) {
                    transitions.wait(POLL_MS);
                }
            }
        } finally {
            if (counted) {
                held.decrementAndGet();
            }
        }
    }

    public CircuitBreaker.State state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    /** Exchanges held right now, each keeping one order off the ERP until the breaker lets it through. */
    public int heldExchanges() {
        return held.get();
    }

    /** True while the breaker keeps the ERP consumer waiting (open, or half-open with its trial calls taken). */
    public boolean isPaused() {
        return isHolding(state);
    }

    /** The breaker's view, for health, JMX and the admin API. */
    public Map<String, Object> details() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("since", since.toString());
        details.put("consumerPaused", isPaused());
        details.put("heldExchanges", held.get());
        details.put("trialCalls", trialPermits);
        details.put("failureRatePercent", metrics.getFailureRate());
        details.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
        return details;
    }

    @Override
    protected void doStart() {
        breaker.getEventPublisher().onStateTransition(event -> {
            state = event.getStateTransition().getToState();
            since = Instant.now();
            if (state == CircuitBreaker.State.HALF_OPEN) {
                // the breaker permits this many calls per half-open period, not at a time
                trialsLeft.set(trialPermits);
            }
            if (isHolding(state)) {
                LOG.warn("ERP breaker {}: the ERP consumer waits; orders stay queued", state);
            } else {
                LOG.info("ERP breaker {}: the ERP consumer goes on{}", state,
                        state == CircuitBreaker.State.HALF_OPEN ? " with " + trialPermits + " trial call(s)" : "");
            }
            synchronized (transitions) {
                transitions.notifyAll();
            }
        });
    }

    @Override
    protected void doStop() {
        synchronized (transitions) {
            transitions.notifyAll();
        }
    }

    private boolean isShuttingDown() {
        return !isRunAllowed() || context.isStopping() || context.isStopped();
    }

    private static boolean isHolding(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
