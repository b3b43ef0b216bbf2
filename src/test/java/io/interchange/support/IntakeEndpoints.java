package io.interchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The HTTP endpoints the route files declare: every {@code from} whose uri is {@code platform-http:},
 * with its path and the methods it restricts itself to ({@code httpMethodRestrict}, as a parameter or
 * in the uri). Read from the YAML itself, as ops would write it, not from a running context.
 */
public final class IntakeEndpoints {

    private static final String SCHEME = "platform-http:";

    /** {@code methods} is empty when the route takes any method. */
    public record Endpoint(Path file, String path, Set<String> methods) {
    }

    private IntakeEndpoints() {
    }

    public static List<Endpoint> in(Path directory) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Load yaml = new Load(LoadSettings.builder().setLabel(file.toString()).build());
                for (Object document : yaml.loadAllFromString(Files.readString(file))) {
                    collect(file, document, endpoints);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    private static void collect(Path file, Object node, List<Endpoint> endpoints) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("from") instanceof Map<?, ?> from && from.get("uri") instanceof String uri && uri.startsWith(SCHEME)) {
                endpoints.add(endpoint(file, uri.substring(SCHEME.length()), from.get("parameters")));
            }
            map.values().forEach(value -> collect(file, value, endpoints));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(file, value, endpoints));
        }
    }

    private static Endpoint endpoint(Path file, String target, Object parameters) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String restrict = null;
        if (parameters instanceof Map<?, ?> map && map.get("httpMethodRestrict") != null) {
            restrict = map.get("httpMethodRestrict").toString();
        } else if (query >= 0) {
            restrict = Arrays.stream(target.substring(query + 1).split("&"))
                    .filter(pair -> pair.startsWith("httpMethodRestrict="))
                    .map(pair -> pair.substring(pair.indexOf('=') + 1)).findFirst().orElse(null);
        }
        Set<String> methods = restrict == null ? Set.of() : Arrays.stream(restrict.split(","))
                .map(method -> method.trim().toLowerCase(Locale.ROOT)).filter(method -> !method.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return new Endpoint(file, path, methods);
    }
}
