package io.interchange.partner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import io.interchange.admission.DocumentAdmission;
import io.interchange.broker.BusTransaction;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.inbound.PartnerAcknowledgements;
import io.interchange.edi.inbound.ReceivedAcknowledgements;
import io.interchange.edi.intake.ControlNumberSequence;
import io.interchange.edi.intake.EdiFileIntake;
import io.interchange.edi.intake.EdiMetrics;
import io.interchange.edi.intake.EdiOrderAdmission;
import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.intake.FileRefusal;
import io.interchange.edi.intake.InterchangeRegister;
import io.interchange.edi.intake.OrderMapping;
import io.interchange.mapping.JsltTemplates;
import io.interchange.edi.intake.OwnReceivers;
import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.edi.outbound.SentDocuments;
import io.interchange.edi.outbound.StagedFileRelay;
import io.interchange.observe.DocumentMetrics;
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
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Partner EDI over SFTP ({@code routes/intake/sftp-partner-intake.camel.yaml}): the partner registry
 * and its watcher, the embedded drop box, one intake route per partner, and the beans those routes
 * name (ediFileIntake, ediFileRefusal, ediFileClaims). The 855/ORDRSP going back to partners are
 * wired with the other outbound flows ({@code OutboundConfiguration}).
 */
public class EdiConfiguration implements CamelConfiguration {

    // read by configure(), which starts what runs beside the routes
    @PropertyInject("interchange.sftp.enabled")
    private boolean dropBoxEnabled;
    @PropertyInject("interchange.sftp.intake.health-failed-polls")
    private int healthFailedPolls;

    @BindToRegistry("partnerDirectory")
    public PartnerDirectory partnerDirectory() {
        return new PartnerDirectory();
    }

    @BindToRegistry("sftpServiceAccount")
    public SftpServiceAccount sftpServiceAccount(
            @PropertyInject("interchange.sftp.service-user") String user,
            @PropertyInject(value = "interchange.sftp.service-password", defaultValue = "") String password) {
        return SftpServiceAccount.of(user, password);
    }

    @BindToRegistry("partnerEndpoints")
    public PartnerEndpoints partnerEndpoints(CamelContext context, SftpServiceAccount serviceAccount,
                                             @PropertyInject("interchange.sftp.port") int dropBoxPort) {
        return new PartnerEndpoints(dropBoxPort, serviceAccount.user(), serviceAccount.password(),
                name -> context.getPropertiesComponent().resolveProperty(name)
                        .orElseThrow(() -> new IllegalStateException("No property or environment variable " + name)));
    }

    /** Uploads the drop box has open; a partner's intake leaves those files alone until they are closed. */
    @BindToRegistry("uploadsInProgress")
    public UploadsInProgress uploadsInProgress() {
        return new UploadsInProgress();
    }

    /** The embedded drop box, started by {@link #configure} when {@code interchange.sftp.enabled}. */
    @BindToRegistry("sftpDropBox")
    public SftpDropBox sftpDropBox(PartnerDirectory directory, SftpServiceAccount serviceAccount,
                                   UploadsInProgress uploads, LoginThrottle loginThrottle,
                                   @PropertyInject("interchange.sftp.host") String host,
                                   @PropertyInject("interchange.sftp.port") int port,
                                   @PropertyInject("interchange.sftp.root") String root,
                                   @PropertyInject("interchange.sftp.host-key") String hostKey,
                                   @PropertyInject("interchange.sftp.upload.max-file-bytes") long uploadMaxFileBytes,
                                   @PropertyInject("interchange.sftp.upload.max-inbound-bytes") long uploadMaxInboundBytes,
                                   @PropertyInject("interchange.sftp.upload.min-free-bytes") long uploadMinFreeBytes,
                                   @PropertyInject("interchange.sftp.session.login-timeout-seconds") long loginTimeoutSeconds,
                                   @PropertyInject("interchange.sftp.session.idle-timeout-seconds") long idleTimeoutSeconds,
                                   @PropertyInject("interchange.sftp.session.read-timeout-seconds") long readTimeoutSeconds,
                                   @PropertyInject("interchange.sftp.session.login-attempts") int loginAttempts) {
        DropBoxLayout layout = new DropBoxLayout(Path.of(root));
        SftpDropBox dropBox = new SftpDropBox(host, port, Path.of(hostKey),
                // one throttle for every door (SecurityConfiguration): failures at the admin API count here too
                new DropBoxAccounts(directory, layout, serviceAccount.user(), serviceAccount.password(), loginThrottle),
                new DropBoxFileAccess(layout, serviceAccount.user(),
                        new UploadLimits(uploadMaxFileBytes, uploadMaxInboundBytes, uploadMinFreeBytes)),
                new SftpSessionLimits(Duration.ofSeconds(loginTimeoutSeconds), Duration.ofSeconds(idleTimeoutSeconds),
                        Duration.ofSeconds(readTimeoutSeconds), loginAttempts),
                uploads);
        directory.onChange((before, after) -> after.partners().stream()
                .filter(p -> p.transport().kind() == Partner.Transport.Kind.DROPBOX)
                .forEach(p -> layout.prepare(p.id())));
        return dropBox;
    }

    @BindToRegistry("ediFileClaims")
    public FileClaims ediFileClaims(DataSource dataSource, CamelContext context,
                                    @PropertyInject("interchange.sftp.intake.claim-max-age-ms") long claimMaxAgeMs,
                                    @PropertyInject("interchange.sftp.intake.claim-keep-alive-ms") long claimKeepAliveMs) {
        return new FileClaims(dataSource, context, claimMaxAgeMs, claimKeepAliveMs);
    }

    @BindToRegistry("ediMetrics")
    public EdiMetrics ediMetrics(MeterRegistry meters) {
        return new EdiMetrics(meters);
    }

    /** What Interchange knows of each EDI document; also adds the EDI facts to the order status API. */
    @BindToRegistry("ediTracking")
    public EdiTracking ediTracking(DataSource dataSource, DocumentTimeline timeline) {
        return new EdiTracking(dataSource, timeline);
    }

    @BindToRegistry("controlNumbers")
    public ControlNumberSequence controlNumbers(DataSource dataSource) {
        return new ControlNumberSequence(dataSource);
    }

    @BindToRegistry("partnerOutbox")
    public PartnerOutbox partnerOutbox(CamelContext context, PartnerEndpoints endpoints, DataSource dataSource) {
        return new PartnerOutbox(context.createProducerTemplate(), endpoints, dataSource);
    }

    /** Delivers what a stopped pass left staged (route edi-staged-files). */
    @BindToRegistry("stagedFileRelay")
    public StagedFileRelay stagedFileRelay(PartnerOutbox outbox, PartnerDirectory directory,
                                           @PropertyInject("interchange.edi.staged.age-ms") long ageMs) {
        return new StagedFileRelay(outbox, directory, Duration.ofMillis(ageMs), Clock.systemUTC());
    }

    /** The partner's 997/999/CONTRL matched to the 855/ORDRSP sent to it. */
    @BindToRegistry("partnerAcknowledgements")
    public PartnerAcknowledgements partnerAcknowledgements(SentDocuments sent, DataSource dataSource,
                                                           DocumentTimeline timeline, MeterRegistry meters) {
        return new PartnerAcknowledgements(sent, new ReceivedAcknowledgements(dataSource), timeline, meters);
    }

    @BindToRegistry("ediOrderAdmission")
    public DocumentAdmission ediOrderAdmission(DocumentTracker tracker, DocumentMetrics metrics) {
        return new DocumentAdmission(tracker, metrics, "edi");
    }

    @BindToRegistry("ediFileIntake")
    public EdiFileIntake ediFileIntake(PartnerDirectory directory, @BeanInject("ediOrderAdmission") DocumentAdmission admission,
                                       CamelContext context, @PropertyInject("interchange.queue.orders") String ordersQueue,
                                       CanonicalSchemas schemas, ConnectionFactory jmsConnectionFactory,
                                       DataSource dataSource, EdiTracking tracking, ControlNumberSequence numbers,
                                       EdiMetrics metrics, PartnerOutbox outbox, PartnerAcknowledgements acknowledgements,
                                       JsltTemplates jsltTemplates,
                                       @PropertyInject("interchange.mappings.dir") String mappingsDir,
                                       @PropertyInject(value = "interchange.edi.own.x12-ids", defaultValue = "") String ownX12Ids,
                                       @PropertyInject(value = "interchange.edi.own.edifact-ids", defaultValue = "") String ownEdifactIds,
                                       @PropertyInject("interchange.sftp.intake.admission-batch") int admissionBatch) {
        return new EdiFileIntake(directory, new EdiInterchangeReader(),
                new EdiOrderAdmission(new OrderMapping(Path.of(mappingsDir), jsltTemplates), schemas, admission,
                        context.createProducerTemplate(), "jms:queue:" + ordersQueue, new BusTransaction(jmsConnectionFactory)),
                tracking, new InterchangeRegister(dataSource), numbers, metrics, outbox,
                OwnReceivers.of(ownX12Ids, ownEdifactIds), admissionBatch, acknowledgements);
    }

    @BindToRegistry("ediFileRefusal")
    public FileRefusal ediFileRefusal(PartnerDirectory directory, PartnerOutbox outbox, EdiMetrics metrics) {
        return new FileRefusal(directory, outbox, metrics);
    }

    /**
     * One intake and one response route per partner, from the route templates in {@code routes/}, following
     * the partner registry. Each partner's intake gets its file placement as bean
     * {@code ediFilePlacement-<partner>}, bound here as partners come and go.
     */
    @BindToRegistry("partnerRoutes")
    public PartnerRoutes partnerRoutes(CamelContext context, PartnerDirectory directory, PartnerEndpoints endpoints,
                                       UploadsInProgress uploads,
                                       @PropertyInject("interchange.sftp.intake.read-lock-check-ms") long readLockCheckMs,
                                       @PropertyInject("interchange.sftp.intake.read-lock-min-age-ms") long readLockMinAgeMs,
                                       @PropertyInject("interchange.sftp.intake.read-lock-timeout-ms") long readLockTimeoutMs) {
        PartnerRoutes routes = new PartnerRoutes(context, endpoints, partnerId -> {
            // only drop-box sessions are seen: for a remote server this is always false
            IntakeFilePlacement placement = new IntakeFilePlacement(readLockCheckMs, readLockMinAgeMs, readLockTimeoutMs,
                    fileName -> uploads.isOpen(partnerId, fileName));
            context.getRegistry().bind("ediFilePlacement-" + partnerId, placement);
            return "ediFilePlacement-" + partnerId;
        });
        directory.onChange((before, after) -> routes.apply(after));
        return routes;
    }

    @BindToRegistry("partnerRegistryWatcher")
    public PartnerRegistryWatcher partnerRegistryWatcher(PartnerDirectory directory,
                                                         SftpServiceAccount serviceAccount, MeterRegistry meters,
                                                         @PropertyInject("interchange.partners.file") String registryFile,
                                                         @PropertyInject("interchange.mappings.dir") String mappingsDir,
                                                         @PropertyInject("interchange.sftp.intake.max-file-bytes") long maxFileBytes) {
        return new PartnerRegistryWatcher(Path.of(registryFile),
                new PartnerRegistryParser(Path.of(mappingsDir), Set.of(serviceAccount.user()), maxFileBytes), directory, meters);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        if (dropBoxEnabled) {
            // before the partner routes, so a new partner's folders exist when its intake first polls
            context.addService(context.getRegistry().findSingleByType(SftpDropBox.class), true, true);
        }
        context.getRegistry().findSingleByType(PartnerRoutes.class);
        PartnerDirectory directory = context.getRegistry().findSingleByType(PartnerDirectory.class);
        HealthCheckRegistry.get(context).register(new PartnerIntakeHealthCheck(context, directory, healthFailedPolls));
        PartnerRegistryWatcher watcher = context.getRegistry().findSingleByType(PartnerRegistryWatcher.class);
        // partner routes come from route templates in routes/, which exist once the context has started
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                watcher.load(); // later versions come from the file watcher (RouteReloader)
            }
        });
    }
}
