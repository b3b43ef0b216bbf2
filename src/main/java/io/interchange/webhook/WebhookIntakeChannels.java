package io.interchange.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.interchange.api.ProblemException;
import io.interchange.ops.intake.GatedIntakeChannel;
import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeChannelSet;
import io.interchange.ops.intake.IntakeSuspensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each webhook source as an intake ops can suspend and resume ({@code webhook-<source>}, admin API
 * and JMX). All sources share one route, so each is a {@link GatedIntakeChannel} that the webhook
 * gate asks before it takes a delivery in: a suspended source is answered 503 with
 * {@code Retry-After}, and the platform retries later as it does for any non-2xx.
 *
 * <p>The set follows {@code webhooks.yaml}: a source added by a live edit is an intake from the load
 * that declares it, a removed one is dropped. A channel starts suspended when ops suspended its id
 * and did not resume it: the suspension is stored, so it holds across a restart and across a source
 * removed and declared again. Counters are the tracked documents of channel {@code webhook} and
 * partner = source id, which is how the intake tracks every document a source sends.
 */
public class WebhookIntakeChannels implements IntakeChannelSet {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntakeChannels.class);
    private static final String PREFIX = "webhook-";
    /** The shared routes of routes/intake/webhook-intake.camel.yaml: gated per source, no intakes of their own. */
    private static final Set<String> ROUTES = Set.of("intake-webhook", "intake-webhook-admission");

    private final WebhookSources sources;
    private final IntakeSuspensions suspensions;
    private final long retryAfterSeconds;
    private final Map<String, GatedIntakeChannel> channels = new ConcurrentHashMap<>();

    public WebhookIntakeChannels(WebhookSources sources, IntakeSuspensions suspensions, long retryAfterSeconds) {
        this.sources = sources;
        this.suspensions = suspensions;
        this.retryAfterSeconds = retryAfterSeconds;
        sources.onChange(this::follow);
    }

    @Override
    public List<GatedIntakeChannel> channels() {
        // looks whether webhooks.yaml changed; a change reaches follow() before this returns
        Set<String> declared = sources.ids();
        declared.forEach(this::channel);
        return channels.values().stream().filter(channel -> declared.contains(sourceOf(channel)))
                .sorted(Comparator.comparing(IntakeChannel::id)).toList();
    }

    @Override
    public Set<String> routeIds() {
        return ROUTES;
    }

    /**
     * Lets a delivery to a declared source in, or refuses it while ops keep the source suspended.
     *
     * @throws WebhookRefusedException 503 {@code intake-suspended} with {@code Retry-After}
     */
    public void admit(String sourceId) {
        try {
            channel(sourceId).admit();
        } catch (ProblemException suspended) {
            throw WebhookRefusedException.suspended(suspended.problem(), suspended.retryAfterSeconds());
        }
    }

    private GatedIntakeChannel channel(String sourceId) {
        return channels.computeIfAbsent(sourceId, this::open);
    }

    private GatedIntakeChannel open(String sourceId) {
        GatedIntakeChannel channel = new GatedIntakeChannel(PREFIX + sourceId, "source",
                "Webhooks of source " + sourceId + ": POST /webhooks/" + sourceId,
                new IntakeChannel.CounterScope("webhook", sourceId), retryAfterSeconds);
        IntakeSuspensions.Suspension stored = suspensions.all().get(channel.id());
        if (stored != null) {
            channel.suspend();
            LOG.warn("Intake {} stays suspended (since {} by {}: {})", channel.id(), stored.at(), stored.by(),
                    stored.reason());
        }
        return channel;
    }

    private void follow(Set<String> declared) {
        channels.keySet().removeIf(sourceId -> !declared.contains(sourceId));
        for (String sourceId : declared) {
            try {
                channel(sourceId);
            } catch (RuntimeException e) {
                // its first delivery asks again, and fails (500, the platform retries) while the store is away
                LOG.warn("Could not read whether webhook source '{}' is suspended; asking again at its next delivery: {}",
                        sourceId, e.getMessage());
            }
        }
    }

    private static String sourceOf(GatedIntakeChannel channel) {
        return channel.id().substring(PREFIX.length());
    }
}
