package io.interchange.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeChannels;
import io.interchange.ops.intake.IntakeSuspensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a suspension or resumption done on any instance hold on this one: on a short timer
 * ({@code routes/ops/cluster-intake-suspensions.camel.yaml}) it reads the suspensions every instance
 * writes to table {@code intake_suspension} and applies the {@link SuspensionChanges} to the local
 * intakes. Polling the table the state already lives in keeps one source of truth and needs nothing
 * that a broker topic would add (a missed message, a restart between message and table).
 */
public class SuspensionSync {

    private static final Logger LOG = LoggerFactory.getLogger(SuspensionSync.class);

    private final IntakeChannels intakes;
    private final IntakeSuspensions suspensions;
    public SuspensionSync(IntakeChannels intakes, IntakeSuspensions suspensions) {
        this.intakes = intakes;
        this.suspensions = suspensions;
    }

    public synchronized void converge() throws Exception {
        Map<String, IntakeSuspensions.Suspension> stored = suspensions.all();
        List<IntakeChannel> channels = intakes.all();
        Set<String> suspendedHere = channels.stream().filter(IntakeChannel::isSuspended).map(IntakeChannel::id)
                .collect(Collectors.toSet());
        Set<String> running = channels.stream().map(IntakeChannel::id).collect(Collectors.toSet());
        SuspensionChanges changes = SuspensionChanges.between(stored.keySet(), running, suspendedHere);
        for (IntakeChannel channel : channels) {
            if (changes.suspend().contains(channel.id())) {
                IntakeSuspensions.Suspension suspension = stored.get(channel.id());
                channel.suspend();
                LOG.warn("Intake {} suspended here too (by {} since {}: {})", channel.id(), suspension.by(),
                        suspension.at(), suspension.reason());
            } else if (changes.resume().contains(channel.id())) {
                channel.resume();
                LOG.info("Intake {} resumed here too (resumed on another instance)", channel.id());
            }
        }
    }
}
