package io.interchange.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import io.interchange.broker.BusTopology;
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
import io.interchange.ops.timeline.PublishedEventRecorder;
import io.interchange.ops.timeline.TimelineResource;
import io.interchange.processing.OrderRetries;
import io.interchange.security.LoginThrottle;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

/**
 * Operations (issue 5): the admin API's users and access gates, the audit log, dead-letter browse,
 * replay and discard, the document timeline, and housekeeping of the idempotent repositories. The
 * routes under {@code routes/ops/} name these beans; JMX exposes the same operations (see
 * {@code io.interchange.ops.jmx}).
 */
public class OpsConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.node.id")
    private String nodeId;
    @PropertyInject("interchange.data.dir")
    private String dataDir;
    @PropertyInject(value = "interchange.admin.realm", defaultValue = "interchange-admin")
    private String realm;
    @PropertyInject(value = "interchange.ops.dead-letter-queues", defaultValue = "")
    private String deadLetterQueues;
    @PropertyInject(value = "interchange.ops.masked-fields",
            defaultValue = "name,email,phone,fax,contact,address,street,city,postalCode,firstName,lastName")
    private String maskedFields;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.queue.events")
    private String eventsQueue;
    @PropertyInject("interchange.erp.breaker.half-open-calls")
    private int halfOpenCalls;
    @PropertyInject(value = "interchange.housekeeping.processors", defaultValue = "")
    private String housekeepingProcessors;
    @PropertyInject(value = "interchange.housekeeping.batch-size", defaultValue = "10000")
    private int housekeepingBatchSize;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        DataSource dataSource = registry.lookupByNameAndType("dataSource", DataSource.class);
        DocumentTracker tracker = registry.lookupByNameAndType("documentTracker", DocumentTracker.class);
        ConnectionFactory jms = registry.lookupByNameAndType("jmsConnectionFactory", ConnectionFactory.class);
        BusTopology topology = registry.lookupByNameAndType("busTopology", BusTopology.class);

        AdminUsers users = AdminUsers.fromProperties(key -> context.getPropertiesComponent().resolveProperty(key),
                Path.of(dataDir, "admin-password"));
        AuditLog audit = new AuditLog(dataSource);
        AdminLogin login = new AdminLogin(users, registry.lookupByNameAndType("loginThrottle", LoginThrottle.class));
        DocumentTimeline timeline = new DocumentTimeline(dataSource, nodeId);
        DeadLetterQueues queues = DeadLetterQueues.of(topology, deadLetterQueues);
        QueueDepth depth = registry.lookupByNameAndType("queueDepth", QueueDepth.class);
        DeadLetterBrowser browser = new DeadLetterBrowser(jms, queues);
        DeadLetterMover mover = new DeadLetterMover(jms);
        DeadLetterReplay replay = new DeadLetterReplay(browser, mover, queues, tracker, timeline, audit);
        DeadLetterDiscard discard = new DeadLetterDiscard(browser, mover, tracker, timeline, audit);

        registry.bind("adminUsers", users);
        registry.bind("adminLogin", login);
        registry.bind("auditLog", audit);
        registry.bind("documentTimeline", timeline);
        registry.bind("deadLetterQueues", queues);
        registry.bind("deadLetterBrowser", browser);
        registry.bind("deadLetterReplay", replay);
        registry.bind("deadLetterDiscard", discard);

        registry.bind("adminViewer", new AdminGate(login, AdminRole.VIEWER, audit));
        registry.bind("adminOps", new AdminGate(login, AdminRole.OPS, audit));
        registry.bind("adminProblemResponder", new AdminProblemResponder(realm));
        registry.bind("auditResource", new AuditResource(audit));
        registry.bind("deadLetterResource", new DeadLetterResource(browser, replay, discard, queues, depth, timeline,
                new PersonalDataMask(maskedFields), audit));
        registry.bind("timelineResource", new TimelineResource(tracker, timeline));
        registry.bind("publishedEventRecorder", new PublishedEventRecorder(timeline));

        // the REST intake (restIntakeChannel) is bound with the order pipeline; SFTP partners join by their route
        // names, webhook sources through the webhook channel's IntakeChannelSet (see IntakeChannel)
        IntakeChannels channels = new IntakeChannels(context, new IntakeSuspensions(dataSource), audit);
        registry.bind("intakeChannels", channels);
        registry.bind("intakeResource", new IntakeResource(channels, new IntakeCounters(dataSource)));
        context.addService(channels, true, true);
        context.getManagementStrategy().addEventNotifier(channels.startListener());

        CircuitBreaker breaker = registry.lookupByNameAndType("erpCircuitBreaker", CircuitBreaker.class);
        OrderRetries retries = registry.lookupByNameAndType("orderRetries", OrderRetries.class);
        ErpBackoff backoff = new ErpBackoff(context, breaker, halfOpenCalls, retries::isOverdue);
        registry.bind("erpBackoff", backoff);
        registry.bind("erpBreakerResource", new ErpBreakerResource(backoff, depth, ordersQueue));
        context.addService(backoff, true, true);
        HealthCheckRegistry.get(context).register(new ErpBackoffHealthCheck(backoff, depth, ordersQueue));
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        OpsMetrics.bind(meters, queues, depth, ordersQueue, backoff);
        OpsMetrics.bindIntake(meters, depth, List.of(eventsQueue),
                registry.lookupByNameAndType("intakePressure", IntakePressure.class));

        // routes/ops/housekeeping.camel.yaml: idempotent-repository rows past their processor's retention
        registry.bind("processedIdPurge", new ProcessedIdPurge(dataSource, retentions(context), housekeepingBatchSize,
                meters, Clock.systemUTC()));
    }

    /**
     * {@code interchange.housekeeping.<processor>-days} for each processor named in
     * {@code interchange.housekeeping.processors}; empty or absent: that processor's rows are kept.
     */
    private List<ProcessedIdPurge.Retention> retentions(CamelContext context) {
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
