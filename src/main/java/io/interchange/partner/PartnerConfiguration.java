package io.interchange.partner;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.interchange.api.OrderAdmission;
import io.interchange.api.OrderLookupQuery;
import io.interchange.api.OrderStatusQuery;
import io.interchange.broker.BusTransaction;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.intake.ControlNumberSequence;
import io.interchange.edi.intake.EdiFileIntake;
import io.interchange.edi.intake.EdiMetrics;
import io.interchange.edi.intake.EdiOrderAdmission;
import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.intake.FileRefusal;
import io.interchange.edi.intake.InterchangeRegister;
import io.interchange.edi.intake.OrderMapping;
import io.interchange.edi.intake.OwnReceivers;
import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.edi.inbound.PartnerAcknowledgements;
import io.interchange.edi.inbound.ReceivedAcknowledgements;
import io.interchange.edi.outbound.AcknowledgementDeadline;
import io.interchange.edi.outbound.OrderResponseProgress;
import io.interchange.edi.outbound.OrderResponses;
import io.interchange.edi.outbound.OverdueAcknowledgements;
import io.interchange.edi.outbound.OverdueOrderResponses;
import io.interchange.edi.outbound.SentDocuments;
import io.interchange.mapping.JsltTemplates;
import io.interchange.observe.DocumentMetrics;
import io.interchange.ops.edi.OverdueAcknowledgementResource;
import io.interchange.security.LoginThrottle;
import io.interchange.sftp.DropBoxAccounts;
import io.interchange.sftp.DropBoxFileAccess;
import io.interchange.sftp.DropBoxLayout;
import io.interchange.sftp.FileClaims;
import io.interchange.sftp.IntakeFilePlacement;
import io.interchange.sftp.SftpDropBox;
import io.interchange.sftp.SftpSessionLimits;
import io.interchange.sftp.UploadLimits;
import io.interchange.sftp.UploadsInProgress;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Partner EDI over SFTP: the registry and its watcher, the embedded drop box, one intake and one
 * response route per partner, and the beans those routes name (ediFileIntake, ediFileRefusal,
 * ediFileClaims, orderResponses). Also adds the EDI facts to the order status API and binds the
 * lookup by partner and order number.
 */
public class PartnerConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.mappings.dir")
    private String mappingsDir;
    @PropertyInject("interchange.partners.file")
    private String registryFile;
    @PropertyInject("interchange.sftp.enabled")
    private boolean dropBoxEnabled;
    @PropertyInject("interchange.sftp.host")
    private String dropBoxHost;
    @PropertyInject("interchange.sftp.port")
    private int dropBoxPort;
    @PropertyInject("interchange.sftp.root")
    private String dropBoxRoot;
    @PropertyInject("interchange.sftp.host-key")
    private String hostKey;
    @PropertyInject("interchange.sftp.service-user")
    private String serviceUser;
    @PropertyInject(value = "interchange.sftp.service-password", defaultValue = "")
    private String servicePassword;
    @PropertyInject("interchange.sftp.intake.max-file-bytes")
    private long maxFileBytes;
    @PropertyInject("interchange.sftp.intake.read-lock-check-ms")
    private long readLockCheckMs;
    @PropertyInject("interchange.sftp.intake.read-lock-min-age-ms")
    private long readLockMinAgeMs;
    @PropertyInject("interchange.sftp.intake.read-lock-timeout-ms")
    private long readLockTimeoutMs;
    @PropertyInject(value = "interchange.edi.own.x12-ids", defaultValue = "")
    private String ownX12Ids;
    @PropertyInject(value = "interchange.edi.own.edifact-ids", defaultValue = "")
    private String ownEdifactIds;
    @PropertyInject("interchange.sftp.intake.admission-batch")
    private int admissionBatch;
    @PropertyInject("interchange.sftp.intake.claim-max-age-ms")
    private long claimMaxAgeMs;
    @PropertyInject("interchange.sftp.intake.claim-keep-alive-ms")
    private long claimKeepAliveMs;
    @PropertyInject("interchange.sftp.upload.max-file-bytes")
    private long uploadMaxFileBytes;
    @PropertyInject("interchange.sftp.upload.max-inbound-bytes")
    private long uploadMaxInboundBytes;
    @PropertyInject("interchange.sftp.upload.min-free-bytes")
    private long uploadMinFreeBytes;
    @PropertyInject("interchange.sftp.session.login-timeout-seconds")
    private long loginTimeoutSeconds;
    @PropertyInject("interchange.sftp.session.idle-timeout-seconds")
    private long idleTimeoutSeconds;
    @PropertyInject("interchange.sftp.session.read-timeout-seconds")
    private long readTimeoutSeconds;
    @PropertyInject("interchange.sftp.session.login-attempts")
    private int loginAttempts;
    @PropertyInject("interchange.sftp.intake.health-failed-polls")
    private int healthFailedPolls;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.edi.queue.order-responses")
    private String responsesQueue;
    @PropertyInject("interchange.edi.order-response.overdue-minutes")
    private long overdueMinutes;
    @PropertyInject("interchange.edi.order-response.overdue-window-days")
    private long overdueWindowDays;
    @PropertyInject("interchange.edi.acknowledgement.due")
    private String acknowledgementDue;
    @PropertyInject("interchange.edi.acknowledgement.window-days")
    private long acknowledgementWindowDays;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        DataSource dataSource = registry.lookupByNameAndType("dataSource", DataSource.class);
        MeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        DocumentMetrics documentMetrics = registry.lookupByNameAndType("documentMetrics", DocumentMetrics.class);
        DocumentTracker tracker = registry.lookupByNameAndType("documentTracker", DocumentTracker.class);
        CanonicalSchemas schemas = registry.lookupByNameAndType("canonicalSchemas", CanonicalSchemas.class);

        String password = servicePassword.isBlank() ? randomSecret() : servicePassword;
        PartnerDirectory directory = new PartnerDirectory();
        DropBoxLayout layout = new DropBoxLayout(Path.of(dropBoxRoot));
        PartnerEndpoints endpoints = new PartnerEndpoints(dropBoxPort, serviceUser, password,
                name -> context.getPropertiesComponent().resolveProperty(name)
                        .orElseThrow(() -> new IllegalStateException("No property or environment variable " + name)));
        registry.bind("partnerDirectory", directory);
        registry.bind("partnerEndpoints", endpoints);

        UploadsInProgress uploads = new UploadsInProgress();
        if (dropBoxEnabled) {
            // one throttle for every door (SecurityConfiguration): failures at the admin API count here too
            LoginThrottle throttle = registry.lookupByNameAndType("loginThrottle", LoginThrottle.class);
            SftpDropBox dropBox = new SftpDropBox(dropBoxHost, dropBoxPort, Path.of(hostKey),
                    new DropBoxAccounts(directory, layout, serviceUser, password, throttle),
                    new DropBoxFileAccess(layout, serviceUser,
                            new UploadLimits(uploadMaxFileBytes, uploadMaxInboundBytes, uploadMinFreeBytes)),
                    new SftpSessionLimits(Duration.ofSeconds(loginTimeoutSeconds), Duration.ofSeconds(idleTimeoutSeconds),
                            Duration.ofSeconds(readTimeoutSeconds), loginAttempts),
                    uploads);
            registry.bind("sftpDropBox", dropBox);
            context.addService(dropBox, true, true);
            directory.onChange((before, after) -> after.partners().stream()
                    .filter(p -> p.transport().kind() == Partner.Transport.Kind.DROPBOX)
                    .forEach(p -> layout.prepare(p.id())));
        }

        registry.bind("ediFileClaims", new FileClaims(dataSource, context, claimMaxAgeMs, claimKeepAliveMs));

        EdiMetrics ediMetrics = new EdiMetrics(meters);
        OrderMapping orderMapping = new OrderMapping(Path.of(mappingsDir),
                registry.lookupByNameAndType("jsltTemplates", JsltTemplates.class));
        EdiTracking tracking = new EdiTracking(dataSource, new DocumentTimeline(dataSource));
        ControlNumberSequence numbers = new ControlNumberSequence(dataSource);
        PartnerOutbox outbox = new PartnerOutbox(context.createProducerTemplate(), endpoints);
        // the acknowledgement loop: 855/ORDRSP recorded when sent, the partner's 997/999/CONTRL matched to them
        SentDocuments sent = new SentDocuments(dataSource);
        PartnerAcknowledgements partnerAcknowledgements = new PartnerAcknowledgements(sent,
                new ReceivedAcknowledgements(dataSource), new DocumentTimeline(dataSource), meters);
        OverdueAcknowledgements overdueAcknowledgements = new OverdueAcknowledgements(sent, directory, meters,
                new AcknowledgementDeadline(Duration.parse(acknowledgementDue)), Duration.ofDays(acknowledgementWindowDays));
        registry.bind("overdueAcknowledgements", overdueAcknowledgements);
        registry.bind("overdueAcknowledgementResource", new OverdueAcknowledgementResource(overdueAcknowledgements));
        OrderAdmission admission = new OrderAdmission(tracker, documentMetrics, context.createProducerTemplate(),
                "jms:queue:" + ordersQueue, "edi");
        registry.bind("ediOrderAdmission", admission);
        registry.bind("ediFileIntake", new EdiFileIntake(directory, new EdiInterchangeReader(),
                new EdiOrderAdmission(orderMapping, schemas, admission,
                        new BusTransaction(registry.lookupByNameAndType("jmsConnectionFactory", ConnectionFactory.class))),
                tracking, new InterchangeRegister(dataSource), numbers, ediMetrics, outbox,
                OwnReceivers.of(ownX12Ids, ownEdifactIds), admissionBatch, partnerAcknowledgements));
        registry.bind("ediFileRefusal", new FileRefusal(directory, outbox, ediMetrics));
        registry.bind("orderResponses", new OrderResponses(directory, tracking, numbers, outbox, orderMapping, sent));
        registry.bind("orderResponseProgress", new OrderResponseProgress(tracking, responsesQueue));
        registry.bind("overdueOrderResponses", new OverdueOrderResponses(dataSource, directory, meters,
                Duration.ofMinutes(overdueMinutes), Duration.ofDays(overdueWindowDays)));
        registry.bind("orderStatusQuery", new OrderStatusQuery(tracker, List.of(tracking)));
        registry.bind("orderLookupQuery", new OrderLookupQuery(tracker, List.of(tracking)));

        PartnerRoutes routes = new PartnerRoutes(context, endpoints, partnerId -> {
            // only drop-box sessions are seen: for a remote server this is always false
            IntakeFilePlacement placement = new IntakeFilePlacement(readLockCheckMs, readLockMinAgeMs, readLockTimeoutMs,
                    fileName -> uploads.isOpen(partnerId, fileName));
            registry.bind("ediFilePlacement-" + partnerId, placement);
            return "ediFilePlacement-" + partnerId;
        });
        directory.onChange((before, after) -> routes.apply(after));
        HealthCheckRegistry.get(context).register(new PartnerIntakeHealthCheck(context, directory, healthFailedPolls));
        PartnerRegistryWatcher watcher = new PartnerRegistryWatcher(Path.of(registryFile),
                new PartnerRegistryParser(Path.of(mappingsDir), Set.of(serviceUser), maxFileBytes), directory, meters);
        registry.bind("partnerRegistryWatcher", watcher);
        // partner routes come from route templates in routes/, which exist once the context has started
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                watcher.load();
            }
        });
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
