package io.interchange.ops.reload;

import java.util.Map;
import java.util.Set;

/**
 * What a set of route files defines, file by file (keys are the watched files' display names, e.g.
 * {@code routes/intake/rest-orders.camel.yaml}): route ids, route configuration ids, and which route
 * configurations each file's routes use.
 */
public record RouteFileSet(Map<String, Contents> files) {

    public record Contents(Set<String> routeIds, Set<String> configurationIds, Set<String> usedConfigurations) {
    }
}
