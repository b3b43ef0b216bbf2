package io.interchange.partner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry file at start and whenever its content changes (checked every
 * {@code interchange.partners.check-interval-ms}); a valid file replaces the registry in force,
 * an invalid one is refused with every problem logged and the partners in force keep running.
 * Content is compared, not timestamps, so editors that rewrite a file unchanged do nothing.
 * Metrics: {@code interchange_partner_registry_valid} (1/0 for the file on disk) and
 * {@code interchange_partner_registry_refused_total}.
 */
public class PartnerRegistryWatcher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRegistryWatcher.class);

    private final CamelContext context;
    private final Path file;
    private final PartnerRegistryParser parser;
    private final PartnerDirectory directory;
    private final long intervalMs;
    private final AtomicInteger valid = new AtomicInteger(0);
    private final Counter refused;
    private ScheduledExecutorService executor;
    private byte[] lastSeen = new byte[0];
    private volatile String lastProblem;

    public PartnerRegistryWatcher(CamelContext context, Path file, PartnerRegistryParser parser, PartnerDirectory directory,
            long intervalMs, MeterRegistry metrics) {
        this.context = context;
        this.file = file;
        this.parser = parser;
        this.directory = directory;
        this.intervalMs = intervalMs;
        Gauge.builder("interchange.partner.registry.valid", valid, AtomicInteger::get)
                .description("1 when the partner registry file on disk is in force, 0 when it was refused")
                .register(metrics);
        this.refused = Counter.builder("interchange.partner.registry.refused")
                .description("Versions of the partner registry file refused as invalid").register(metrics);
    }

    /** Why the file on disk was last refused, or null when it is in force. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Reads the file now if it changed since the last check; returns true when a new registry came into force. */
    public synchronized boolean check() {
        byte[] digest;
        try {
            digest = digest(Files.readAllBytes(file));
        } catch (IOException e) {
            digest = new byte[] {0};
        }
        if (Arrays.equals(digest, lastSeen)) {
            return false;
        }
        lastSeen = digest;
        try {
            PartnerRegistry registry = parser.parse(file);
            directory.replace(registry);
            valid.set(1);
            lastProblem = null;
            LOG.info("Partner registry {} in force: {} partner(s) {}", file, registry.partners().size(),
                    registry.partners().stream().map(Partner::id).toList());
            return true;
        } catch (InvalidRegistryException e) {
            valid.set(0);
            refused.increment();
            lastProblem = e.getMessage();
            LOG.error("{}. The {} partner(s) in force keep running unchanged.", e.getMessage(),
                    directory.current().partners().size());
            return false;
        }
    }

    @Override
    protected void doStart() {
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "partner-registry");
        executor.scheduleWithFixedDelay(this::checkSafely, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("Partner registry check failed: {}", e.getMessage(), e);
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PartnerRegistryWatcher[" + file + ", last digest " + HexFormat.of().formatHex(lastSeen) + "]";
    }
}
