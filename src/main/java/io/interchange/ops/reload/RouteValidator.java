package io.interchange.ops.reload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Validates a candidate set of route files, the running set with the change applied, without
 * touching the running routes: every file is parsed and every route built (endpoints resolved, beans
 * looked up, expressions compiled, route configurations applied) in a throwaway Camel context that
 * is initialised but never started, so no consumer ever listens. It borrows the running context's
 * beans and properties, so a route that builds here builds there. Mappings the routes name
 * ({@code jslt:} templates) must compile too.
 */
public class RouteValidator {

    private final CamelContext live;
    private final MappingValidator mappings;

    public RouteValidator(CamelContext live, MappingValidator mappings) {
        this.live = live;
        this.mappings = mappings;
    }

    /** The refusals (empty when the set is valid) and, when valid, what each file defines. */
    public record Outcome(List<Refusal> refusals, RouteFileSet contents) {

        public boolean isValid() {
            return refusals.isEmpty();
        }
    }

    /**
     * @param files   display name -> content of every route file in the candidate set
     * @param checked display names of the changed files; the ones refusals are reported against first
     */
    public Outcome validate(Map<String, byte[]> files, Map<String, Path> paths, Collection<String> checked) {
        DefaultCamelContext sandbox = sandbox();
        try {
            Map<String, List<RoutesBuilder>> builders = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Resource resource = ResourceHelper.fromBytes("file:" + paths.get(file.getKey()), file.getValue());
                try {
                    builders.put(file.getKey(), new ArrayList<>(
                            PluginHelper.getRoutesLoader(sandbox).findRoutesBuilders(List.of(resource))));
                } catch (Exception e) {
                    return refused(file.getKey(), files, e);
                }
            }
            for (Map.Entry<String, List<RoutesBuilder>> file : builders.entrySet()) {
                try {
                    for (RoutesBuilder builder : file.getValue()) {
                        if (builder instanceof RouteConfigurationsBuilder configurations) {
                            sandbox.addRoutesConfigurations(configurations);
                        }
                    }
                } catch (Exception e) {
                    return refused(file.getKey(), files, e);
                }
            }
            for (Map.Entry<String, List<RoutesBuilder>> file : builders.entrySet()) {
                try {
                    for (RoutesBuilder builder : file.getValue()) {
                        sandbox.addRoutes(builder);
                    }
                } catch (Exception e) {
                    return refused(file.getKey(), files, e);
                }
            }
            Model model = sandbox.getCamelContextExtension().getContextPlugin(Model.class);
            RouteFileSet contents = contents(model, paths);
            List<Refusal> structural = structural(model, paths, files);
            if (!structural.isEmpty()) {
                return new Outcome(structural, contents);
            }
            try {
                // builds every route: endpoints, beans, expressions, route configurations; no consumer starts
                sandbox.init();
            } catch (Exception e) {
                return refused(fileOfFailure(e, contents, checked), files, e);
            }
            List<Refusal> templates = templates(model, paths, checked);
            return new Outcome(templates, contents);
        } finally {
            try {
                sandbox.shutdown();
            } catch (Exception ignored) {
                // a validation context that cannot shut down cleanly holds nothing the running one needs
            }
        }
    }

    private DefaultCamelContext sandbox() {
        DefaultCamelContext sandbox = new DefaultCamelContext(false);
        sandbox.getCamelContextExtension().setName(live.getName() + "-reload-check");
        sandbox.getCamelContextExtension().setRegistry(new DefaultRegistry(live.getRegistry()));
        sandbox.disableJMX();
        sandbox.setAutoStartup(false);
        sandbox.setAllowUseOriginalMessage(live.isAllowUseOriginalMessage());
        sandbox.setLoadTypeConverters(true);
        // the running REST DSL settings: rest verbs build on the same component, and with inlineRoutes off
        // the direct routes they call stay routes of their files here as there
        sandbox.setRestConfiguration(live.getRestConfiguration());
        sandbox.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override
            public String getName() {
                return "running-context";
            }

            @Override
            public String getProperty(String name) {
                return live.getPropertiesComponent().resolveProperty(name).orElse(null);
            }
        });
        sandbox.build();
        return sandbox;
    }

    /** Every route needs an id to be swapped safely, and one id belongs to one route. */
    private static List<Refusal> structural(Model model, Map<String, Path> paths, Map<String, byte[]> files) {
        List<Refusal> refusals = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            String file = displayName(route.getResource(), paths);
            int line = route.getInput() == null ? 0 : route.getInput().getLineNumber();
            if (!route.hasCustomIdAssigned()) {
                refusals.add(new Refusal(file, Math.max(line, 0), "route has no id; every route needs one to be "
                        + "replaced safely", null, Instant.now()));
            } else if (seen.containsKey(route.getRouteId())) {
                refusals.add(new Refusal(file, Math.max(line, 0), "route id '" + route.getRouteId()
                        + "' is already used in " + seen.get(route.getRouteId()), null, Instant.now()));
            } else {
                seen.put(route.getRouteId(), file);
            }
        }
        return refusals;
    }

    /** The {@code jslt:} templates the changed files' routes use must compile. */
    private List<Refusal> templates(Model model, Map<String, Path> paths, Collection<String> checked) {
        List<Refusal> refusals = new ArrayList<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            String file = displayName(route.getResource(), paths);
            if (!checked.contains(file)) {
                continue;
            }
            for (String uri : endpointUris(route)) {
                String resolved = live.getPropertiesComponent().parseUri(uri);
                if (resolved.startsWith("jslt:")) {
                    String location = resolved.substring("jslt:".length()).split("\\?", 2)[0];
                    mappings.checkTemplate(location).ifPresent(problem -> refusals.add(new Refusal(file,
                            0, "mapping " + location + " does not compile: " + problem, null, Instant.now())));
                }
            }
        }
        return refusals;
    }

    private static List<String> endpointUris(RouteDefinition route) {
        List<String> uris = new ArrayList<>();
        FromDefinition from = route.getInput();
        if (from != null && from.getEndpointUri() != null) {
            uris.add(from.getEndpointUri());
        }
        collect(route.getOutputs(), uris);
        return uris;
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, List<String> uris) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof SendDefinition<?> send && send.getEndpointUri() != null) {
                uris.add(send.getEndpointUri());
            }
            collect(output.getOutputs(), uris);
        }
    }

    private static RouteFileSet contents(Model model, Map<String, Path> paths) {
        Map<String, RouteFileSet.Contents> contents = new LinkedHashMap<>();
        for (String file : paths.keySet()) {
            contents.put(file, new RouteFileSet.Contents(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>()));
        }
        for (RouteDefinition route : model.getRouteDefinitions()) {
            RouteFileSet.Contents file = contents.get(displayName(route.getResource(), paths));
            if (file != null) {
                file.routeIds().add(route.getRouteId());
                if (route.getRouteConfigurationId() != null) {
                    for (String id : route.getRouteConfigurationId().split(",")) {
                        file.usedConfigurations().add(id.trim());
                    }
                }
            }
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            RouteFileSet.Contents file = contents.get(displayName(configuration.getResource(), paths));
            if (file != null && configuration.getId() != null) {
                file.configurationIds().add(configuration.getId());
            }
        }
        return new RouteFileSet(contents);
    }

    private static String fileOfFailure(Exception e, RouteFileSet contents, Collection<String> checked) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FailedToCreateRouteException failed && failed.getRouteId() != null) {
                Optional<String> file = contents.files().entrySet().stream()
                        .filter(entry -> entry.getValue().routeIds().contains(failed.getRouteId()))
                        .map(Map.Entry::getKey).findFirst();
                if (file.isPresent()) {
                    return file.get();
                }
            }
        }
        return checked.isEmpty() ? "routes" : checked.iterator().next();
    }

    private static Outcome refused(String file, Map<String, byte[]> files, Exception e) {
        byte[] content = files.get(file);
        String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
        Refusal refusal = new Refusal(file, ProblemLine.of(e, text), ProblemLine.reason(e), null, Instant.now());
        return new Outcome(List.of(refusal), new RouteFileSet(Map.of()));
    }

    static String displayName(Resource resource, Map<String, Path> paths) {
        if (resource == null) {
            return "unknown";
        }
        String location = resource.getLocation().startsWith("file:") ? resource.getLocation().substring(5)
                : resource.getLocation();
        Path path = Path.of(location).toAbsolutePath().normalize();
        return paths.entrySet().stream().filter(entry -> entry.getValue().equals(path)).map(Map.Entry::getKey)
                .findFirst().orElse(location);
    }
}
