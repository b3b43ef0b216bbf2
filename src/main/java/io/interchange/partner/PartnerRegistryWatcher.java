package io.interchange.partner;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.interchange.ops.reload.ReloadTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry file at start ({@link #load}) and whenever the file watcher reports a new
 * version of it; a valid file replaces the registry in force, an invalid one is refused with every
 * problem logged and the partners in force keep running. Metrics:
 * {@code interchange_partner_registry_valid} (1/0 for the file on disk) and
 * {@code interchange_partner_registry_refused_total}.
 */
public class PartnerRegistryWatcher implements ReloadTarget {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRegistryWatcher.class);

    private final Path file;
    private final PartnerRegistryParser parser;
    private final PartnerDirectory directory;
    private final AtomicInteger valid = new AtomicInteger(0);
    private final Counter refused;
    private volatile String lastProblem;

    public PartnerRegistryWatcher(Path file, PartnerRegistryParser parser, PartnerDirectory directory, MeterRegistry metrics) {
        this.file = file.toAbsolutePath().normalize();
        this.parser = parser;
        this.directory = directory;
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

    /** Reads the file now; returns why it was refused, empty when its registry is in force. */
    public synchronized Optional<String> load() {
        try {
            PartnerRegistry registry = parser.parse(file);
            directory.replace(registry);
            valid.set(1);
            lastProblem = null;
            LOG.info("Partner registry {} in force: {} partner(s) {}", file, registry.partners().size(),
                    registry.partners().stream().map(Partner::id).toList());
            return Optional.empty();
        } catch (InvalidRegistryException e) {
            valid.set(0);
            refused.increment();
            lastProblem = e.getMessage();
            LOG.error("{}. The {} partner(s) in force keep running unchanged.", e.getMessage(),
                    directory.current().partners().size());
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public boolean owns(Path candidate) {
        return file.equals(candidate);
    }

    @Override
    public Optional<String> reload(Path changed, byte[] content) {
        return load();
    }

    @Override
    public java.util.Collection<Path> filesElsewhere() {
        return java.util.List.of(file);
    }

    @Override
    public String toString() {
        return "PartnerRegistryWatcher[" + file + "]";
    }
}
