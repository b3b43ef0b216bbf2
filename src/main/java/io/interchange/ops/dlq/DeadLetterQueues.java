package io.interchange.ops.dlq;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.interchange.broker.BusTopology;

/**
 * Which queues hold dead letters, and where a dead letter may be replayed to. By default every queue
 * the bus topology names as some queue's dead-letter queue, plus every queue named {@code *.dlq}
 * (e.g. {@code webhooks.dlq}, which has no source queue); {@code interchange.ops.dead-letter-queues}
 * overrides the list. A replay only ever goes to a queue of the topology that has a dead-letter
 * queue, so a tampered header cannot make the broker create a new queue.
 */
public final class DeadLetterQueues {

    private final List<String> names;
    private final Set<String> replayTargets;

    private DeadLetterQueues(List<String> names, Set<String> replayTargets) {
        this.names = List.copyOf(names);
        this.replayTargets = Set.copyOf(replayTargets);
    }

    public static DeadLetterQueues of(BusTopology topology, String configured) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        for (BusTopology.DurableQueue queue : topology.queues()) {
            if (queue.deadLetterQueue() != null) {
                names.add(queue.deadLetterQueue());
                targets.add(queue.name());
            }
        }
        for (BusTopology.DurableQueue queue : topology.queues()) {
            if (queue.name().endsWith(".dlq")) {
                names.add(queue.name());
            }
        }
        if (configured != null && !configured.isBlank()) {
            names.clear();
            Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        return new DeadLetterQueues(List.copyOf(names), targets);
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String queue) {
        return names.contains(queue);
    }

    public boolean isReplayTarget(String queue) {
        return queue != null && replayTargets.contains(queue);
    }
}
