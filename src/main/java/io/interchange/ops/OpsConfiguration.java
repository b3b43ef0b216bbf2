package io.interchange.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import io.interchange.broker.BusTopology;
import io.interchange.edi.outbound.OverdueAcknowledgements;
import io.interchange.edi.outbound.OverdueOrderResponses;
import io.interchange.edi.outbound.AcknowledgementDeadline;
import io.interchange.edi.outbound.SentDocuments;
import io.interchange.ops.edi.OverdueAcknowledgementResource;
import io.interchange.ops.edi.OverdueOrderResponseResource;
import io.interchange.ops.intake.BackpressureLevel;
import io.interchange.ops.intake.SftpIntakePressure;
import io.interchange.partner.PartnerDirectory;
import io.interchange.ops.admin.AdminGate;
import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.admin.AdminProblemResponder;
import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUsers;
import io.interchange.ops.audit.AuditLog;
import io.interchange.ops.audit.AuditResource;
import io.interchange.ops.breaker.ErpBackoff;
import io.interchange.ops.breaker.ErpBackoffHealthCheck;
import io.interchange.ops.breaker.ErpBreakerResource;
import io.interchange.ops.dlq.DeadLetterBrowser;
import io.interchange.ops.dlq.DeadLetterDiscard;
import io.interchange.ops.dlq.DeadLetterMover;
import io.interchange.ops.dlq.DeadLetterQueues;
import io.interchange.ops.dlq.DeadLetterReplay;
import io.interchange.ops.dlq.DeadLetterResource;
import io.interchange.ops.dlq.PersonalDataMask;
import io.interchange.ops.dlq.QueueDepth;
import io.interchange.ops.housekeeping.ProcessedIdPurge;
import io.interchange.ops.intake.IntakeChannels;
import io.interchange.ops.intake.IntakeCounters;
import io.interchange.ops.intake.IntakePressure;
import io.interchange.ops.intake.IntakeResource;
import io.interchange.ops.intake.IntakeSuspensions;
import io.interchange.ops.metrics.OpsMetrics;
import io.interchange.ops.timeline.TimelineResource;
import io.interchange.processing.OrderRetries;
import io.interchange.security.LoginThrottle;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

/**
 * Operations ({@code routes/ops/}): the admin API's users and access gates, the audit log, dead-letter
 * browse, replay and discard, the document timeline, the intake channels ops suspend and the
 * backpressure every intake asks, the ERP backoff, the EDI overdue checks, and housekeeping of the
 * idempotent repositories. Reload ({@code ReloadConfiguration}) and the JMX console
 * ({@code JmxConfiguration}) are wired beside it, in their packages.
 */
public class OpsConfiguration implements CamelConfiguration {

    // read by configure(), which hooks health and metrics rather than building a bean
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.queue.events")
    private String eventsQueue;

    @BindToRegistry("adminUsers")
    public AdminUsers adminUsers(CamelContext context, @PropertyInject("interchange.data.dir") String dataDir) {
        return AdminUsers.fromProperties(key -> context.getPropertiesComponent().resolveProperty(key),
                Path.of(dataDir, "admin-password"));
    }

    /** One throttle for every door (SecurityConfiguration): failures at the drop box count here too. */
    @BindToRegistry("adminLogin")
    public AdminLogin adminLogin(AdminUsers users, LoginThrottle loginThrottle) {
        return new AdminLogin(users, loginThrottle);
    }

    @BindToRegistry("auditLog")
    public AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }

    @BindToRegistry("documentTimeline")
    public DocumentTimeline documentTimeline(DataSource dataSource, @PropertyInject("interchange.node.id") String nodeId) {
        return new DocumentTimeline(dataSource, nodeId);
    }

    @BindToRegistry("adminViewer")
    public AdminGate adminViewer(AdminLogin login, AuditLog audit) {
        return new AdminGate(login, AdminRole.VIEWER, audit);
    }

    @BindToRegistry("adminOps")
    public AdminGate adminOps(AdminLogin login, AuditLog audit) {
        return new AdminGate(login, AdminRole.OPS, audit);
    }

    @BindToRegistry("adminProblemResponder")
    public AdminProblemResponder adminProblemResponder(
            @PropertyInject(value = "interchange.admin.realm", defaultValue = "interchange-admin") String realm) {
        return new AdminProblemResponder(realm);
    }

    @BindToRegistry("auditResource")
    public AuditResource auditResource(AuditLog audit) {
        return new AuditResource(audit);
    }

    @BindToRegistry("deadLetterQueues")
    public DeadLetterQueues deadLetterQueues(BusTopology topology,
            @PropertyInject(value = "interchange.ops.dead-letter-queues", defaultValue = "") String deadLetterQueues) {
        return DeadLetterQueues.of(topology, deadLetterQueues);
    }

    @BindToRegistry("deadLetterBrowser")
    public DeadLetterBrowser deadLetterBrowser(ConnectionFactory jmsConnectionFactory, DeadLetterQueues queues) {
        return new DeadLetterBrowser(jmsConnectionFactory, queues);
    }

    @BindToRegistry("deadLetterMover")
    public DeadLetterMover deadLetterMover(ConnectionFactory jmsConnectionFactory) {
        return new DeadLetterMover(jmsConnectionFactory);
    }

    @BindToRegistry("deadLetterReplay")
    public DeadLetterReplay deadLetterReplay(DeadLetterBrowser browser, DeadLetterMover mover, DeadLetterQueues queues,
                                             DocumentTracker tracker, DocumentTimeline timeline, AuditLog audit) {
        return new DeadLetterReplay(browser, mover, queues, tracker, timeline, audit);
    }

    @BindToRegistry("deadLetterDiscard")
    public DeadLetterDiscard deadLetterDiscard(DeadLetterBrowser browser, DeadLetterMover mover, DocumentTracker tracker,
                                               DocumentTimeline timeline, AuditLog audit) {
        return new DeadLetterDiscard(browser, mover, tracker, timeline, audit);
    }

    @BindToRegistry("deadLetterResource")
    public DeadLetterResource deadLetterResource(DeadLetterBrowser browser, DeadLetterReplay replay,
            DeadLetterDiscard discard, DeadLetterQueues queues, QueueDepth depth, DocumentTimeline timeline, AuditLog audit,
            @PropertyInject(value = "interchange.ops.masked-fields",
                    defaultValue = "name,email,phone,fax,contact,address,street,city,postalCode,firstName,lastName")
            String maskedFields) {
        return new DeadLetterResource(browser, replay, discard, queues, depth, timeline, new PersonalDataMask(maskedFields),
                audit);
    }

    @BindToRegistry("timelineResource")
    public TimelineResource timelineResource(DocumentTracker tracker, DocumentTimeline timeline) {
        return new TimelineResource(tracker, timeline);
    }

    /**
     * Backpressure for every intake: REST and webhooks ask it, SFTP partners skip polls through
     * {@code sftpIntakePressure}.
     */
    @BindToRegistry("intakePressure")
    public IntakePressure intakePressure(QueueDepth depth,
                                         @PropertyInject("interchange.backpressure.queues") String queues,
                                         @PropertyInject("interchange.backpressure.max-depth") long maxDepth,
                                         @PropertyInject("interchange.backpressure.resume-depth") long resumeDepth,
                                         @PropertyInject("interchange.backpressure.check-ms") long checkMs,
                                         @PropertyInject("interchange.backpressure.retry-after-seconds") long retryAfter) {
        return new IntakePressure(depth,
                Arrays.stream(queues.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList(),
                new BackpressureLevel(maxDepth, resumeDepth), Duration.ofMillis(checkMs), retryAfter, Clock.systemUTC());
    }

    @BindToRegistry("sftpIntakePressure")
    public SftpIntakePressure sftpIntakePressure(IntakePressure pressure) {
        return new SftpIntakePressure(pressure);
    }

    /**
     * Every intake ops can suspend: the REST intake ({@code restIntakeChannel}), SFTP partners by their
     * route names, webhook sources through their {@code IntakeChannelSet} (see IntakeChannel).
     */
    @BindToRegistry("intakeChannels")
    public IntakeChannels intakeChannels(CamelContext context, DataSource dataSource, AuditLog audit) throws Exception {
        IntakeChannels channels = new IntakeChannels(context, new IntakeSuspensions(dataSource), audit);
        context.addService(channels, true, true);
        context.getManagementStrategy().addEventNotifier(channels.startListener());
        return channels;
    }

    @BindToRegistry("intakeResource")
    public IntakeResource intakeResource(IntakeChannels channels, DataSource dataSource) {
        return new IntakeResource(channels, new IntakeCounters(dataSource));
    }

    @BindToRegistry("erpBackoff")
    public ErpBackoff erpBackoff(CamelContext context, CircuitBreaker erpCircuitBreaker, OrderRetries retries,
                                 @PropertyInject("interchange.erp.breaker.half-open-calls") int halfOpenCalls)
            throws Exception {
        ErpBackoff backoff = new ErpBackoff(context, erpCircuitBreaker, halfOpenCalls, retries::isOverdue);
        context.addService(backoff, true, true);
        return backoff;
    }

    @BindToRegistry("erpBreakerResource")
    public ErpBreakerResource erpBreakerResource(ErpBackoff backoff, QueueDepth depth,
                                                 @PropertyInject("interchange.queue.orders") String ordersQueue) {
        return new ErpBreakerResource(backoff, depth, ordersQueue);
    }

    @BindToRegistry("overdueOrderResponses")
    public OverdueOrderResponses overdueOrderResponses(DataSource dataSource, PartnerDirectory directory,
            MeterRegistry meters,
            @PropertyInject("interchange.edi.order-response.overdue-minutes") long overdueMinutes,
            @PropertyInject("interchange.edi.order-response.overdue-window-days") long overdueWindowDays) {
        return new OverdueOrderResponses(dataSource, directory, meters, Duration.ofMinutes(overdueMinutes),
                Duration.ofDays(overdueWindowDays));
    }

    @BindToRegistry("overdueOrderResponseResource")
    public OverdueOrderResponseResource overdueOrderResponseResource(OverdueOrderResponses overdue) {
        return new OverdueOrderResponseResource(overdue);
    }

    @BindToRegistry("overdueAcknowledgements")
    public OverdueAcknowledgements overdueAcknowledgements(SentDocuments sent, PartnerDirectory directory,
            MeterRegistry meters,
            @PropertyInject("interchange.edi.acknowledgement.due") String acknowledgementDue,
            @PropertyInject("interchange.edi.acknowledgement.window-days") long acknowledgementWindowDays) {
        return new OverdueAcknowledgements(sent, directory, meters,
                new AcknowledgementDeadline(Duration.parse(acknowledgementDue)), Duration.ofDays(acknowledgementWindowDays));
    }

    @BindToRegistry("overdueAcknowledgementResource")
    public OverdueAcknowledgementResource overdueAcknowledgementResource(OverdueAcknowledgements overdue) {
        return new OverdueAcknowledgementResource(overdue);
    }

    /** routes/ops/housekeeping.camel.yaml: idempotent-repository rows past their processor's retention. */
    @BindToRegistry("processedIdPurge")
    public ProcessedIdPurge processedIdPurge(CamelContext context, DataSource dataSource, MeterRegistry meters,
            @PropertyInject(value = "interchange.housekeeping.processors", defaultValue = "") String processors,
            @PropertyInject(value = "interchange.housekeeping.batch-size", defaultValue = "10000") int batchSize) {
        return new ProcessedIdPurge(dataSource, retentions(context, processors), batchSize, meters, Clock.systemUTC());
    }

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        // started with the context whether or not a route names them yet
        registry.findSingleByType(IntakeChannels.class);
        ErpBackoff backoff = registry.findSingleByType(ErpBackoff.class);
        QueueDepth depth = registry.findSingleByType(QueueDepth.class);
        HealthCheckRegistry.get(context).register(new ErpBackoffHealthCheck(backoff, depth, ordersQueue));
        MeterRegistry meters = registry.findSingleByType(MeterRegistry.class);
        OpsMetrics.bind(meters, registry.findSingleByType(DeadLetterQueues.class), depth, ordersQueue, backoff);
        OpsMetrics.bindIntake(meters, depth, List.of(eventsQueue), registry.findSingleByType(IntakePressure.class));
    }

    /**
     * {@code interchange.housekeeping.<processor>-days} for each processor named in
     * {@code interchange.housekeeping.processors}; empty or absent: that processor's rows are kept.
     */
    private static List<ProcessedIdPurge.Retention> retentions(CamelContext context, String housekeepingProcessors) {
        List<ProcessedIdPurge.Retention> retentions = new ArrayList<>();
        for (String processor : housekeepingProcessors.split(",")) {
            String name = processor.trim();
            if (name.isEmpty()) {
                continue;
            }
            String key = "interchange.housekeeping." + name + "-days";
            String days = context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
            if (days.isEmpty()) {
                continue;
            }
            try {
                long keep = Long.parseLong(days);
                if (keep < 1) {
                    throw new NumberFormatException();
                }
                retentions.add(new ProcessedIdPurge.Retention(name, Duration.ofDays(keep)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number of days (1 or more), or empty to keep "
                        + "the rows; it is '" + days + "'");
            }
        }
        return retentions;
    }
}
