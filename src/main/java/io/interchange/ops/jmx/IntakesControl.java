package io.interchange.ops.jmx;

import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeChannels;
import io.interchange.ops.intake.IntakeCounters;

/** Partners and sources over JMX; suspend and resume are audited as the JMX user. */
public class IntakesControl implements IntakesMBean {

    private final IntakeChannels channels;
    private final IntakeCounters counters;

    public IntakesControl(IntakeChannels channels, IntakeCounters counters) {
        this.channels = channels;
        this.counters = counters;
    }

    @Override
    public String[] getIntakes() {
        return channels.all().stream().map(channel -> channel.id() + " (" + channel.kind() + "): "
                + (channel.isSuspended() ? "suspended" : "running") + ", "
                + counters.of(channel.scope()).total() + " documents").toArray(String[]::new);
    }

    @Override
    public String[] getSuspended() {
        return channels.all().stream().filter(IntakeChannel::isSuspended).map(IntakeChannel::id).toArray(String[]::new);
    }

    @Override
    public String suspend(String id, String reason) {
        IntakeChannel channel = find(id);
        try {
            channels.suspend(channel, reason == null || reason.isBlank() ? "no reason given" : reason, JmxCaller.name(),
                    JmxCaller.via());
        } catch (Exception e) {
            throw new IllegalStateException("Could not suspend " + id + ": " + e.getMessage(), e);
        }
        return id + " suspended";
    }

    @Override
    public String resume(String id) {
        IntakeChannel channel = find(id);
        try {
            channels.resume(channel, JmxCaller.name(), JmxCaller.via());
        } catch (Exception e) {
            throw new IllegalStateException("Could not resume " + id + ": " + e.getMessage(), e);
        }
        return id + " resumed";
    }

    private IntakeChannel find(String id) {
        return channels.find(id).orElseThrow(() -> new IllegalArgumentException("No intake named " + id));
    }
}
