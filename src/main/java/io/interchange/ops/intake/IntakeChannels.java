package io.interchange.ops.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.interchange.ops.intake.IntakeChannel.CounterScope;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every intake ops can suspend: the {@link IntakeChannel} beans in the registry, the channels of each
 * {@link IntakeChannelSet} (webhook sources), plus routes named
 * {@code intake-sftp-<partner>} or {@code intake-webhook-<source>} that no bean claims. A suspension is
 * stored and applied again after a restart and whenever an intake route is (re)started, e.g. by a
 * route reload, so a suspended partner stays suspended until ops resume it.
 */
public class IntakeChannels extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeChannels.class);
    private static final String SFTP_ROUTE = "intake-sftp-";
    private static final String WEBHOOK_ROUTE = "intake-webhook-";

    private final CamelContext context;
    private final IntakeSuspensions suspensions;
    private final AuditLog audit;
    private ExecutorService reapplier;

    public IntakeChannels(CamelContext context, IntakeSuspensions suspensions, AuditLog audit) {
        this.context = context;
        this.suspensions = suspensions;
        this.audit = audit;
    }

    public List<IntakeChannel> all() {
        List<IntakeChannel> channels = new ArrayList<>(context.getRegistry().findByType(IntakeChannel.class));
        Set<String> claimed = new HashSet<>();
        channels.stream().filter(RouteIntakeChannel.class::isInstance)
                .forEach(channel -> claimed.addAll(((RouteIntakeChannel) channel).routeIds()));
        for (IntakeChannelSet set : context.getRegistry().findByType(IntakeChannelSet.class)) {
            channels.addAll(set.channels());
            claimed.addAll(set.routeIds());
        }
        for (Route route : context.getRoutes()) {
            String routeId = route.getRouteId();
            if (claimed.contains(routeId)) {
                continue;
            }
            if (routeId.startsWith(SFTP_ROUTE)) {
                String partner = routeId.substring(SFTP_ROUTE.length());
                channels.add(new RouteIntakeChannel(context, "sftp-" + partner, "partner",
                        "SFTP drop box of partner " + partner, new CounterScope("edi", partner), List.of(routeId)));
            } else if (routeId.startsWith(WEBHOOK_ROUTE)) {
                String source = routeId.substring(WEBHOOK_ROUTE.length());
                channels.add(new RouteIntakeChannel(context, "webhook-" + source, "source",
                        "Webhooks of source " + source, new CounterScope("webhook", source), List.of(routeId)));
            }
        }
        channels.sort(java.util.Comparator.comparing(IntakeChannel::id));
        return channels;
    }

    public Optional<IntakeChannel> find(String id) {
        return all().stream().filter(channel -> channel.id().equals(id)).findFirst();
    }

    public Optional<IntakeSuspensions.Suspension> suspension(String id) {
        return Optional.ofNullable(suspensions.all().get(id));
    }

    /** Suspends the intake and remembers it; the audit log says who and why. */
    public void suspend(IntakeChannel channel, String reason, String actor, String via) throws Exception {
        try {
            // the row first: every instance (this one's SuspensionSync too) takes the table as the truth
            suspensions.save(new IntakeSuspensions.Suspension(channel.id(), Instant.now(), actor, reason));
            channel.suspend();
        } catch (Exception e) {
            suspensions.remove(channel.id());
            audit.record(AuditEntry.of(actor, via, "suspend", "intake " + channel.id(), e.getMessage(), "failed"));
            throw e;
        }
        audit.record(AuditEntry.of(actor, via, "suspend", "intake " + channel.id(), reason, "ok"));
        LOG.warn("Intake {} suspended by {}: {}", channel.id(), actor, reason);
    }

    public void resume(IntakeChannel channel, String actor, String via) throws Exception {
        try {
            suspensions.remove(channel.id());
            channel.resume();
        } catch (Exception e) {
            audit.record(AuditEntry.of(actor, via, "resume", "intake " + channel.id(), e.getMessage(), "failed"));
            throw e;
        }
        audit.record(AuditEntry.of(actor, via, "resume", "intake " + channel.id(), null, "ok"));
        LOG.info("Intake {} resumed by {}", channel.id(), actor);
    }

    /** Suspends again every stored suspension whose intake runs (after a start or a route reload). */
    public void reapply() {
        Map<String, IntakeSuspensions.Suspension> stored = suspensions.all();
        if (stored.isEmpty()) {
            return;
        }
        for (IntakeChannel channel : all()) {
            IntakeSuspensions.Suspension suspension = stored.get(channel.id());
            if (suspension != null && !channel.isSuspended()) {
                try {
                    channel.suspend();
                    LOG.warn("Intake {} stays suspended (since {} by {}: {})", channel.id(), suspension.at(),
                            suspension.by(), suspension.reason());
                } catch (Exception e) {
                    LOG.error("Could not suspend intake {} again", channel.id(), e);
                }
            }
        }
    }

    /** Re-applies suspensions when the context or an intake route starts; off the starting thread. */
    public EventNotifierSupport startListener() {
        return new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent
                        || (event instanceof CamelEvent.RouteStartedEvent started
                                && started.getRoute().getRouteId().startsWith("intake-"));
            }

            @Override
            public void notify(CamelEvent event) {
                if (reapplier != null && !reapplier.isShutdown()) {
                    reapplier.submit(IntakeChannels.this::reapply);
                }
            }
        };
    }

    @Override
    protected void doStart() {
        reapplier = context.getExecutorServiceManager().newSingleThreadExecutor(this, "intake-suspensions");
    }

    @Override
    protected void doStop() {
        if (reapplier != null) {
            context.getExecutorServiceManager().shutdown(reapplier);
        }
    }
}
