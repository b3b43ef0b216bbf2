package io.interchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the route files declare over HTTP, read from the YAML itself as ops would write it, not from a
 * running context: every operation of their {@code rest:} blocks (method, full path, the responses it
 * promises, the role it needs, the endpoint it calls), the {@code direct:} endpoints their routes
 * start from, and any route still starting from {@code platform-http:} directly (which would be an
 * HTTP endpoint outside the contract).
 */
public final class RestOperations {

    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head");

    /** {@code role} is null when the operation needs no credentials. */
    public record Operation(Path file, String method, String path, List<String> responseCodes, String role, String to) {
    }

    public record Declared(List<Operation> operations, List<String> directRoutes, List<String> platformHttpRoutes) {
    }

    private RestOperations() {
    }

    public static Declared in(Path... directories) {
        Declared declared = new Declared(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    Load yaml = new Load(LoadSettings.builder().setLabel(file.toString()).build());
                    for (Object document : yaml.loadAllFromString(Files.readString(file))) {
                        if (document instanceof List<?> items) {
                            items.forEach(item -> collect(file, item, declared));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return declared;
    }

    private static void collect(Path file, Object item, Declared declared) {
        if (!(item instanceof Map<?, ?> map)) {
            return;
        }
        if (map.get("rest") instanceof Map<?, ?> rest) {
            String base = text(rest.get("path"));
            rest.forEach((key, verbs) -> {
                if (VERBS.contains(key.toString()) && verbs instanceof List<?> list) {
                    list.forEach(verb -> declared.operations().add(operation(file, key.toString(), base, (Map<?, ?>) verb)));
                }
            });
        }
        if (map.get("route") instanceof Map<?, ?> route && route.get("from") instanceof Map<?, ?> from) {
            String uri = text(from.get("uri"));
            if (uri.startsWith("direct:")) {
                declared.directRoutes().add(uri);
            } else if (uri.startsWith("platform-http:")) {
                declared.platformHttpRoutes().add(file + ": " + uri);
            }
        }
    }

    private static Operation operation(Path file, String method, String base, Map<?, ?> verb) {
        List<String> codes = new ArrayList<>();
        if (verb.get("responseMessage") instanceof List<?> responses) {
            responses.forEach(response -> codes.add(text(((Map<?, ?>) response).get("code"))));
        }
        String role = null;
        if (verb.get("security") instanceof List<?> security && !security.isEmpty()) {
            role = text(((Map<?, ?>) security.get(0)).get("scopes"));
        }
        Object to = verb.get("to");
        String target = to instanceof Map<?, ?> toMap ? text(toMap.get("uri")) : text(to);
        return new Operation(file, method.toLowerCase(Locale.ROOT), base + text(verb.get("path")), codes, role, target);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
