package io.interchange.ops.jmx;

import java.util.List;

import io.interchange.ops.dlq.DeadLetter;
import io.interchange.ops.dlq.DeadLetterBrowser;
import io.interchange.ops.dlq.DeadLetterDiscard;
import io.interchange.ops.dlq.DeadLetterFilter;
import io.interchange.ops.dlq.DeadLetterOutcome;
import io.interchange.ops.dlq.DeadLetterReplay;
import io.interchange.ops.dlq.QueueDepth;

/** The dead-letter operations of the admin API over JMX, for one queue; audited as the JMX user. */
public class DeadLetterQueueControl implements DeadLetterQueueMBean {

    private final String queue;
    private final DeadLetterBrowser browser;
    private final DeadLetterReplay replay;
    private final DeadLetterDiscard discard;
    private final QueueDepth depth;

    public DeadLetterQueueControl(String queue, DeadLetterBrowser browser, DeadLetterReplay replay,
            DeadLetterDiscard discard, QueueDepth depth) {
        this.queue = queue;
        this.browser = browser;
        this.replay = replay;
        this.discard = discard;
        this.depth = depth;
    }

    @Override
    public String getQueue() {
        return queue;
    }

    @Override
    public long getMessageCount() {
        return depth.messages(queue);
    }

    @Override
    public String[] list(int limit) {
        return browser.list(inQueue(null, null, null), 0, Math.max(1, Math.min(limit, 1000))).letters().stream()
                .map(DeadLetterQueueControl::line).toArray(String[]::new);
    }

    @Override
    public String replay(String id) {
        return answer(replay.one(id, JmxCaller.name(), JmxCaller.via()));
    }

    @Override
    public String replayAll() {
        return summary(replay.matching(inQueue(null, null, null), JmxCaller.name(), JmxCaller.via()));
    }

    @Override
    public String replayMatching(String partner, String channel, String errorClass) {
        return summary(replay.matching(inQueue(partner, channel, errorClass), JmxCaller.name(), JmxCaller.via()));
    }

    @Override
    public String discard(String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A discard needs a reason");
        }
        return answer(discard.one(id, reason, JmxCaller.name(), JmxCaller.via()));
    }

    private DeadLetterFilter inQueue(String partner, String channel, String errorClass) {
        return new DeadLetterFilter(queue, blankToNull(partner), blankToNull(channel), blankToNull(errorClass), null, null, null);
    }

    private static String answer(DeadLetterOutcome outcome) {
        if (outcome.outcome().equals("not-found")) {
            throw new IllegalArgumentException("No dead letter with id " + outcome.id());
        }
        return outcome.outcome() + ": " + outcome.detail();
    }

    private static String summary(List<DeadLetterOutcome> outcomes) {
        long ok = outcomes.stream().filter(DeadLetterOutcome::isOk).count();
        return ok + " of " + outcomes.size() + " replayed" + (ok == outcomes.size() ? "" : "; see the audit log for the others");
    }

    private static String line(DeadLetter letter) {
        return letter.id() + " | document " + letter.documentId() + " | " + letter.businessKey() + " | attempts "
                + letter.attempts() + " | last failure " + letter.deadLetteredAt() + " | " + letter.reason();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
