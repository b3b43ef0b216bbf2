package io.interchange.ops.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.ops.dlq.QueueDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpressure at every intake: while the intake queues (orders, cancellations) hold more than the
 * {@link BackpressureLevel} allows, the HTTP intakes answer 503 with {@code Retry-After} and the SFTP
 * intakes skip their polls; they take documents again by themselves once the depth is back down.
 *
 * <p>The depth is read at most once per {@code checkInterval}, by whichever request finds it stale;
 * the others use the last reading meanwhile, so a flood of requests costs the broker one query per
 * interval, not one per request.
 */
public class IntakePressure {

    private static final Logger LOG = LoggerFactory.getLogger(IntakePressure.class);

    private final QueueDepth depth;
    private final List<String> queues;
    private final BackpressureLevel level;
    private final Duration checkInterval;
    private final long retryAfterSeconds;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Instant readAt = Instant.MIN;
    private volatile long lastDepth;
    private volatile boolean heldBack;

    public IntakePressure(QueueDepth depth, List<String> queues, BackpressureLevel level, Duration checkInterval,
            long retryAfterSeconds, Clock clock) {
        this.depth = depth;
        this.queues = List.copyOf(queues);
        this.level = level;
        this.checkInterval = checkInterval;
        this.retryAfterSeconds = retryAfterSeconds;
        this.clock = clock;
    }

    /**
     * Lets a document in, or refuses it while the bus is too deep.
     *
     * @throws ProblemException 503 {@code intake-overloaded} with {@code Retry-After}
     */
    public void admit() {
        if (isHoldingBack()) {
            throw new ProblemException(Problem.of(503, "intake-overloaded", "Intake Overloaded",
                    lastDepth + " documents are waiting to be processed (more than " + level.maxDepth()
                            + "); nothing was accepted. Send the document again after " + retryAfterSeconds + " s."),
                    retryAfterSeconds);
        }
    }

    /** True while the intakes hold back; reads the depth again when the last reading is stale. */
    public boolean isHoldingBack() {
        if (clock.instant().isAfter(readAt.plus(checkInterval)) && reading.tryLock()) {
            try {
                refresh();
            } finally {
                reading.unlock();
            }
        }
        return heldBack;
    }

    public List<String> queues() {
        return queues;
    }

    private void refresh() {
        long total = 0;
        for (String queue : queues) {
            long messages = depth.messages(queue);
            if (messages < 0) {
                total = -1;
                break;
            }
            total += messages;
        }
        boolean now = level.holdsBack(heldBack, total);
        if (now != heldBack) {
            if (now) {
                LOG.warn("Intakes hold back: {} documents wait on {} (more than {}); HTTP answers 503, SFTP polls pause",
                        total, queues, level.maxDepth());
            } else {
                LOG.info("Intakes take documents again: {} wait on {} (down to {})", total, queues, level.resumeDepth());
            }
        }
        lastDepth = total;
        heldBack = now;
        readAt = clock.instant();
    }
}
