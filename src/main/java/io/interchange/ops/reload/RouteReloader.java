package io.interchange.ops.reload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.jslt.JsltEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production-safe reload of {@code routes/**}{@code /*.yaml} and {@code mappings/**}, replacing Camel's
 * development reload (which removes every route first and leaves nothing running when the new file is
 * broken). Every {@code interchange.reload.poll-ms} it looks at both trees; a file that changed and has
 * stayed the same for one more look (so a half-written file is never read) is validated first, the
 * running set with the change applied, in a throwaway context ({@link RouteValidator}, {@link
 * MappingValidator}), and only then swapped in ({@link RouteSwap}). An invalid change is refused: the
 * running version keeps serving and the refusal (file, line, reason) is in the log, in the health
 * check {@code route-reload}, at {@code GET /admin/v1/reload} and over JMX, until the file is fixed or
 * put back. Every applied, refused or rolled-back change is recorded ({@link ReloadLedger}).
 *
 * <p>It is the one file watcher of Interchange: every {@link ReloadTarget} bean (partner registry,
 * webhook sources and their secret files, canonical schemas, JSLT templates) is told of its files'
 * settled changes from here and judges them itself, so nothing else polls the disk. With reload
 * switched off only the route files and the mapping files no target owns are left alone.
 */
public class RouteReloader extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloader.class);

    private final CamelContext live;
    private final WatchedDirectory routes;
    private final WatchedDirectory mappings;
    private final RouteValidator validator;
    private final MappingValidator mappingValidator;
    private final RouteSwap swap;
    private final ReloadLedger ledger;
    private final long pollMs;
    private final boolean watching;

    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private List<ReloadTarget> targets = List.of();
    private Map<String, FileVersion> appliedRoutes = new TreeMap<>();
    private Map<String, FileVersion> appliedMappings = new TreeMap<>();
    private RouteFileSet running = new RouteFileSet(Map.of());
    private Map<String, String> lastSeen = new HashMap<>();
    private volatile Instant lastCheck;
    private volatile boolean initialized;
    private ScheduledExecutorService scheduler;

    /**
     * @param watching false: route files and the mapping files no reload target owns are left alone,
     *                 the status says so (reload switched off); the targets' files are still watched
     */
    public RouteReloader(CamelContext live, Path routesDir, Path mappingsDir, ReloadLedger ledger, long pollMs,
            boolean watching) {
        this.live = live;
        this.routes = new WatchedDirectory(routesDir, relative -> relative.endsWith(".yaml") || relative.endsWith(".yml"));
        this.mappings = new WatchedDirectory(mappingsDir, relative -> true);
        this.mappingValidator = new MappingValidator(live);
        this.validator = new RouteValidator(live, mappingValidator);
        this.swap = new RouteSwap(live);
        this.ledger = ledger;
        this.pollMs = pollMs;
        this.watching = watching;
    }

    public boolean isWatching() {
        return watching;
    }

    /** Current refusals, oldest first: files whose on-disk version is not the one running. */
    public List<Refusal> refusals() {
        return refusals.values().stream().sorted(java.util.Comparator.comparing(Refusal::at)).toList();
    }

    public Instant lastCheck() {
        return lastCheck;
    }

    public List<ReloadLedger.Change> recent(int limit) {
        return ledger.recent(limit);
    }

    public List<Path> watched() {
        return List.of(routes.root(), mappings.root());
    }

    /** Looks at the files now rather than at the next tick, and waits for the outcome. */
    public void checkNow() throws Exception {
        if (scheduler == null) {
            throw new IllegalStateException("The route reloader is not running");
        }
        scheduler.submit(() -> look(true)).get(2, TimeUnit.MINUTES);
    }

    /**
     * Starts watching once every route runs, so the first look sees what Camel loaded; stops watching
     * as soon as Camel begins to stop, before any route stops.
     */
    public EventNotifierSupport startListener() {
        return new EventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent
                        || event instanceof CamelEvent.CamelContextStoppingEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                if (scheduler == null) {
                    return;
                }
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    quiesce();
                } else {
                    scheduler.execute(RouteReloader.this::initialize);
                    scheduler.scheduleWithFixedDelay(() -> look(false), pollMs, pollMs, TimeUnit.MILLISECONDS);
                }
            }
        };
    }

    /**
     * Lets a look that is swapping routes finish and starts no other: a swap running while Camel stops
     * its routes would stop and start routes under the shutdown (Camel failed with an NPE).
     */
    private void quiesce() {
        ScheduledExecutorService running = scheduler;
        running.shutdown();
        try {
            if (!running.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warn("A route reload was still running when Camel stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doStart() {
        scheduler = live.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "route-reload");
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            live.getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
    }

    private void initialize() {
        try {
            targets = List.copyOf(live.getRegistry().findByType(ReloadTarget.class));
            appliedRoutes = routes.scan();
            appliedMappings = mappingsAndElsewhere();
            running = runningContents();
            for (FileVersion mapping : appliedMappings.values()) {
                if (!watching || !owners(mapping.path()).isEmpty()) {
                    continue; // its owner read it at start and said what it thought of it
                }
                mappingValidator.check(mapping.name(), mapping.content()).ifPresent(refusal -> {
                    refusals.put(mapping.name(), refusal.withChecksum(mapping.checksum()));
                    LOG.warn("Mapping {} as found at start-up is invalid: {}", mapping.name(), refusal.describe());
                });
            }
            lastSeen = checksums(appliedRoutes, appliedMappings);
            initialized = true;
            if (watching) {
                LOG.info("Watching {} and {} for changes (every {} ms); each change is validated before it is applied",
                        routes.root(), mappings.root(), pollMs);
            } else {
                LOG.info("Watching only the files of {} (every {} ms); routes are not reloaded", targets, pollMs);
            }
        } catch (RuntimeException e) {
            LOG.error("The route reloader could not read the running files; reload stays off", e);
        }
    }

    private void look(boolean now) {
        if (!initialized) {
            return;
        }
        try {
            Map<String, FileVersion> routeFiles = routes.scan();
            Map<String, FileVersion> mappingFiles = mappingsAndElsewhere();
            Map<String, String> seen = checksums(routeFiles, mappingFiles);
            lookAtMappings(mappingFiles, now);
            if (watching) {
                lookAtRoutes(routeFiles, now);
            }
            lastSeen = seen;
            lastCheck = Instant.now();
        } catch (RuntimeException e) {
            LOG.error("Looking for route and mapping changes failed; trying again at the next look", e);
        }
    }

    private void lookAtMappings(Map<String, FileVersion> files, boolean now) {
        FileDiff diff = FileDiff.of(appliedMappings, files, lastSeen, refusedChecksums(), now, false);
        diff.reverted().forEach(this::clearIfReverted);
        for (FileVersion file : diff.changed().values()) {
            if (!watching && owners(file.path()).isEmpty()) {
                continue;
            }
            var refusal = check(file);
            if (refusal.isPresent()) {
                refuse(refusal.get().withChecksum(file.checksum()));
            } else {
                appliedMappings.put(file.name(), file);
                refusals.remove(file.name());
                inForceAsOnDisk(owners(file.path()), files);
                int endpoints = file.name().endsWith(".jslt") ? renewTemplates(file.path()) : 0;
                ledger.record(file.name(), file.checksum(), "applied", 0,
                        endpoints > 0 ? "recompiled by " + endpoints + " endpoint(s)" : null, null);
                LOG.info("Applied mapping {} (sha256 {})", file.name(), shortSum(file.checksum()));
            }
        }
        for (String name : diff.removed()) {
            Path gone = appliedMappings.remove(name).path();
            List<ReloadTarget> owners = owners(gone);
            if (owners.stream().map(owner -> owner.reload(gone, null)).toList().stream().allMatch(Optional::isEmpty)) {
                inForceAsOnDisk(owners, files);
            }
            refusals.remove(name);
            ledger.record(name, null, "removed", 0, null, null);
            LOG.info("Mapping {} was removed", name);
        }
        refusals.keySet().removeIf(name -> !name.startsWith(routes.root().getFileName() + "/") && !files.containsKey(name)
                && !appliedMappings.containsKey(name));
    }

    private void lookAtRoutes(Map<String, FileVersion> files, boolean now) {
        FileDiff diff = FileDiff.of(appliedRoutes, files, lastSeen, refusedChecksums(), now, true);
        diff.reverted().forEach(this::clearIfReverted);
        Map<String, FileVersion> changed = diff.changed();
        Set<String> removed = diff.removed();
        refusals.keySet().removeIf(name -> name.startsWith(routes.root().getFileName() + "/") && !files.containsKey(name)
                && !appliedRoutes.containsKey(name));
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, FileVersion> candidate = new TreeMap<>(appliedRoutes);
        candidate.putAll(changed);
        removed.forEach(candidate::remove);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        candidate.forEach((name, version) -> contents.put(name, version.content()));
        Map<String, Path> paths = RouteSwap.paths(candidate);
        appliedRoutes.forEach((name, version) -> paths.putIfAbsent(name, version.path()));

        RouteValidator.Outcome outcome = validator.validate(contents, paths, changed.keySet());
        if (!outcome.isValid()) {
            for (Refusal refusal : outcome.refusals()) {
                FileVersion file = changed.get(refusal.file());
                if (file != null) {
                    refuse(refusal.withChecksum(file.checksum()));
                } else {
                    // the change breaks another file (e.g. removes a route configuration it uses)
                    String blamed = changed.isEmpty() ? removed.iterator().next() : changed.keySet().iterator().next();
                    FileVersion blamedFile = changed.get(blamed);
                    refuse(new Refusal(blamed, 0, "breaks " + refusal.describe(),
                            blamedFile == null ? null : blamedFile.checksum(), refusal.at()));
                }
            }
            return;
        }
        try {
            Set<String> reloaded = swap.apply(changed, removed, appliedRoutes, running, outcome.contents());
            appliedRoutes = candidate;
            running = outcome.contents();
            for (FileVersion file : changed.values()) {
                String ids = String.join(",", outcome.contents().files().get(file.name()).routeIds());
                ledger.record(file.name(), file.checksum(), "applied", 0,
                        reloaded.size() > 1 ? "reloaded with " + reloaded : null, ids);
                LOG.info("Applied {} (sha256 {}): routes [{}]", file.name(), shortSum(file.checksum()), ids);
            }
            for (String name : removed) {
                ledger.record(name, null, "removed", 0, null, null);
                LOG.info("Removed {}: its routes are stopped", name);
            }
            // a refused file may have waited for this change (a bean, a route configuration): look again
            refusals.keySet().removeIf(name -> name.startsWith(routes.root().getFileName() + "/"));
        } catch (Exception e) {
            for (FileVersion file : changed.values()) {
                refuse(new Refusal(file.name(), 0, "could not be started, previous version restored: "
                        + ProblemLine.reason(e), file.checksum(), Instant.now()), "rolled-back");
            }
        }
    }

    /** The mapping tree and the files elsewhere the reload targets read (secret files, a registry outside it). */
    private Map<String, FileVersion> mappingsAndElsewhere() {
        Map<String, FileVersion> files = mappings.scan();
        files.putAll(WatchedDirectory.scanFiles(targets.stream().flatMap(target -> target.filesElsewhere().stream()).toList(),
                List.of(routes, mappings)));
        return files;
    }

    /**
     * An owner that read all its files again (the webhook sources and their secret files) has each
     * of them in force as it is on disk now, whichever of them changed: the next change to any of
     * them is compared with that, not with what was in force when that file last changed.
     */
    private void inForceAsOnDisk(List<ReloadTarget> owners, Map<String, FileVersion> files) {
        for (ReloadTarget owner : owners) {
            if (owner.rereadsAllItsFiles()) {
                files.values().stream().filter(file -> owner.owns(file.path())).forEach(file -> {
                    appliedMappings.put(file.name(), file);
                    refusals.remove(file.name());
                });
            }
        }
    }

    private List<ReloadTarget> owners(Path file) {
        return targets.stream().filter(target -> target.owns(file)).toList();
    }

    /**
     * A file some reload target reads is its owner's to judge (it parses it in full and keeps the
     * version in force when it refuses); any other mapping file gets the check of its kind.
     */
    private Optional<Refusal> check(FileVersion file) {
        List<ReloadTarget> owners = owners(file.path());
        if (owners.isEmpty()) {
            return mappingValidator.check(file.name(), file.content());
        }
        for (ReloadTarget owner : owners) {
            Optional<String> problem = owner.reload(file.path(), file.content());
            if (problem.isPresent()) {
                return Optional.of(new Refusal(file.name(), 0, problem.get(), null, Instant.now()));
            }
        }
        return Optional.empty();
    }

    /** The refused versions: each stays refused until its file changes again. */
    private Map<String, String> refusedChecksums() {
        Map<String, String> refused = new HashMap<>();
        refusals.forEach((name, refusal) -> {
            if (refusal.checksum() != null) {
                refused.put(name, refusal.checksum());
            }
        });
        return refused;
    }

    private void clearIfReverted(FileVersion file) {
        if (refusals.remove(file.name()) != null) {
            ledger.record(file.name(), file.checksum(), "reverted", 0, "back to the running version", null);
            LOG.info("{} is back to its running version; its refusal is cleared", file.name());
        }
    }

    private void refuse(Refusal refusal) {
        refuse(refusal, "refused");
    }

    private void refuse(Refusal refusal, String outcome) {
        refusals.put(refusal.file(), refusal);
        ledger.record(refusal.file(), refusal.checksum(), outcome, refusal.line(), refusal.reason(), null);
        LOG.warn("Refused change to {}; the running version keeps serving", refusal.describe());
    }

    /** JSLT endpoints keep their compiled template: make the ones using this file compile the new one now. */
    private int renewTemplates(Path file) {
        int renewed = 0;
        for (Endpoint endpoint : live.getEndpoints()) {
            if (endpoint instanceof JsltEndpoint jslt && refersTo(jslt.getResourceUri(), file)) {
                jslt.clearContentCache();
                // compile it right away from the file just validated, not at the next order
                try (ProducerTemplate template = live.createProducerTemplate()) {
                    template.send(jslt, exchange -> exchange.getMessage().setBody("{}"));
                } catch (Exception ignored) {
                    // the template compiled; applying it to an empty document may fail, which is fine
                }
                renewed++;
            }
        }
        return renewed;
    }

    private static boolean refersTo(String resourceUri, Path file) {
        if (resourceUri == null) {
            return false;
        }
        String location = resourceUri.startsWith("file:") ? resourceUri.substring(5) : resourceUri;
        try {
            return Path.of(location).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What the running files define, read from the running context's model. */
    private RouteFileSet runningContents() {
        Map<String, Path> paths = RouteSwap.paths(appliedRoutes);
        Map<String, RouteFileSet.Contents> files = new LinkedHashMap<>();
        paths.keySet().forEach(name -> files.put(name,
                new RouteFileSet.Contents(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>())));
        Model model = live.getCamelContextExtension().getContextPlugin(Model.class);
        // Snapshots: other threads add routes meanwhile (the partner registry adds its partners' routes
        // from their templates just after start-up), and the model hands out its live lists. Camel's
        // model adds and removes routes holding its own monitor, so copying under it is consistent;
        // iterating the live list failed with a ConcurrentModificationException and left reload off.
        List<RouteDefinition> routeDefinitions;
        List<RouteConfigurationDefinition> configurations;
        synchronized (model) {
            routeDefinitions = new ArrayList<>(model.getRouteDefinitions());
            configurations = new ArrayList<>(model.getRouteConfigurationDefinitions());
        }
        for (RouteDefinition route : routeDefinitions) {
            RouteFileSet.Contents file = files.get(RouteValidator.displayName(route.getResource(), paths));
            if (file != null) {
                file.routeIds().add(route.getRouteId());
                if (route.getRouteConfigurationId() != null) {
                    for (String id : route.getRouteConfigurationId().split(",")) {
                        file.usedConfigurations().add(id.trim());
                    }
                }
            }
        }
        for (RouteConfigurationDefinition configuration : configurations) {
            RouteFileSet.Contents file = files.get(RouteValidator.displayName(configuration.getResource(), paths));
            if (file != null && configuration.getId() != null) {
                file.configurationIds().add(configuration.getId());
            }
        }
        for (Route route : live.getRoutes()) {
            if (route.getSourceResource() == null) {
                continue;
            }
            RouteFileSet.Contents file = files.get(RouteValidator.displayName(route.getSourceResource(), paths));
            if (file != null) {
                file.routeIds().add(route.getRouteId());
            }
        }
        return new RouteFileSet(files);
    }

    private static Map<String, String> checksums(Map<String, FileVersion> a, Map<String, FileVersion> b) {
        Map<String, String> sums = new HashMap<>();
        a.forEach((name, version) -> sums.put(name, version.checksum()));
        b.forEach((name, version) -> sums.put(name, version.checksum()));
        return sums;
    }

    private static String shortSum(String checksum) {
        return checksum == null ? "-" : checksum.substring(0, 12);
    }
}
