package io.interchange.ops.reload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a validated change into the running context, route by route: each replaced route is stopped
 * gracefully (in-flight exchanges finish, up to {@code camel.main.shutdownTimeout}) and started again
 * from its new definition; routes that left their file are stopped and removed; routes that use a
 * changed route configuration are rebuilt with it. If anything fails midway, the files' previous
 * contents are put back the same way.
 */
final class RouteSwap {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSwap.class);

    private final CamelContext live;

    RouteSwap(CamelContext live) {
        this.live = live;
    }

    /**
     * @param changed   display name -> new version, for added and edited files
     * @param removed   display names of deleted files
     * @param applied   display name -> running version of every route file
     * @param running   what the running files define
     * @param candidate what the files define with the change
     * @return the display names of the files that were (re)loaded
     */
    Set<String> apply(Map<String, FileVersion> changed, Set<String> removed, Map<String, FileVersion> applied,
            RouteFileSet running, RouteFileSet candidate) throws Exception {
        Set<String> touched = new LinkedHashSet<>(changed.keySet());
        touched.addAll(removed);
        Set<String> configurations = new LinkedHashSet<>();
        for (String file : touched) {
            configurations.addAll(contents(running, file).configurationIds());
            configurations.addAll(contents(candidate, file).configurationIds());
        }
        Set<String> reload = new LinkedHashSet<>(changed.keySet());
        for (Map.Entry<String, RouteFileSet.Contents> file : candidate.files().entrySet()) {
            if (file.getValue().usedConfigurations().stream().anyMatch(configurations::contains)) {
                reload.add(file.getKey());
            }
        }
        Set<String> oldIds = routeIds(running, touched);
        Set<String> newIds = routeIds(candidate, touched);
        Set<String> gone = new LinkedHashSet<>(oldIds);
        gone.removeAll(newIds);

        Map<String, FileVersion> next = new LinkedHashMap<>();
        for (String file : reload) {
            next.put(file, changed.containsKey(file) ? changed.get(file) : applied.get(file));
        }
        try {
            for (String routeId : callersFirst(gone)) {
                remove(routeId);
            }
            forgetRestVerbs(gone);
            forgetRestVerbs(routeIds(running, next.keySet()));
            update(next.values());
            return reload;
        } catch (Exception e) {
            LOG.error("Swapping in {} failed; putting the previous version back", touched, e);
            Set<String> added = new LinkedHashSet<>(newIds);
            added.removeAll(oldIds);
            for (String routeId : added) {
                remove(routeId);
            }
            List<FileVersion> previous = new ArrayList<>();
            for (String file : reload) {
                if (applied.containsKey(file)) {
                    previous.add(applied.get(file));
                }
            }
            for (String file : removed) {
                previous.add(applied.get(file));
            }
            update(previous);
            throw e;
        }
    }

    /**
     * Routes that take requests from outside (a REST verb, a queue) go before the {@code direct:} routes
     * they call: a request let in meanwhile would otherwise wait for a consumer that is gone, and hold up
     * the stop of its own route until the shutdown timeout.
     */
    private List<String> callersFirst(Set<String> routeIds) {
        List<String> ordered = new ArrayList<>(routeIds);
        ordered.sort(Comparator.comparing(routeId -> live.getRoute(routeId) != null
                && live.getRoute(routeId).getEndpoint().getEndpointUri().startsWith("direct:")));
        return ordered;
    }

    /**
     * Drops the REST DSL verbs of these routes from the model, which keeps them after their routes are
     * gone: the OpenAPI document is generated from them, and a reloaded file declares its verbs anew.
     */
    private void forgetRestVerbs(Set<String> routeIds) {
        Model model = live.getCamelContextExtension().getContextPlugin(Model.class);
        synchronized (model) {
            List<RestDefinition> rests = model.getRestDefinitions();
            rests.forEach(rest -> rest.getVerbs().removeIf(verb -> routeIds.contains(verb.getRouteId())));
            rests.removeIf(rest -> rest.getVerbs().isEmpty());
        }
    }

    private void remove(String routeId) throws Exception {
        if (live.getRoute(routeId) != null) {
            live.getRouteController().stopRoute(routeId);
            live.removeRoute(routeId);
            LOG.info("Route {} removed: its file no longer defines it", routeId);
        }
    }

    private void update(Collection<FileVersion> files) throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (FileVersion file : files) {
            resources.add(ResourceHelper.fromBytes("file:" + file.path(), file.content()));
        }
        if (!resources.isEmpty()) {
            PluginHelper.getRoutesLoader(live).updateRoutes(resources);
        }
    }

    private static Set<String> routeIds(RouteFileSet set, Set<String> files) {
        Set<String> ids = new LinkedHashSet<>();
        files.forEach(file -> ids.addAll(contents(set, file).routeIds()));
        return ids;
    }

    private static RouteFileSet.Contents contents(RouteFileSet set, String file) {
        RouteFileSet.Contents contents = set.files().get(file);
        return contents != null ? contents : new RouteFileSet.Contents(Set.of(), Set.of(), Set.of());
    }

    static Map<String, Path> paths(Map<String, FileVersion> files) {
        Map<String, Path> paths = new LinkedHashMap<>();
        files.forEach((name, version) -> paths.put(name, version.path()));
        return paths;
    }
}
