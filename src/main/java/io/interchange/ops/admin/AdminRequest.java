package io.interchange.ops.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.api.JsonRequestReader;
import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;

/**
 * What an admin request asks for, read from the parts a caller cannot smuggle in through a header
 * of the same name: path segments from {@code CamelHttpPath} and parameters from the raw query
 * string ({@code CamelHttpQuery}); Camel filters {@code Camel*} request headers out.
 */
public final class AdminRequest {

    private final Exchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;

    private AdminRequest(Exchange exchange) {
        this.exchange = exchange;
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        this.segments = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        this.query = parseQuery(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, "", String.class));
    }

    public static AdminRequest of(Exchange exchange) {
        return new AdminRequest(exchange);
    }

    /** The path segment right after {@code name}, e.g. the id in {@code /admin/v1/dead-letters/{id}}. */
    public String segmentAfter(String name) {
        int at = segments.indexOf(name);
        if (at < 0 || at + 1 >= segments.size()) {
            throw new ProblemException(Problem.of(404, "not-found", "Not Found", "No " + name + " named in the path."));
        }
        return URLDecoder.decode(segments.get(at + 1), StandardCharsets.UTF_8);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    public boolean flag(String name) {
        return parameter(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    public Optional<Instant> instant(String name) {
        return parameter(name).map(value -> parseInstant(name, value));
    }

    public int limit(int fallback, int max) {
        return parameter("limit").map(value -> {
            try {
                return Math.max(1, Math.min(max, Integer.parseInt(value)));
            } catch (NumberFormatException e) {
                throw badRequest("limit must be a number, got '" + value + "'.");
            }
        }).orElse(fallback);
    }

    public int offset() {
        return parameter("offset").map(value -> {
            try {
                return Math.max(0, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw badRequest("offset must be a number, got '" + value + "'.");
            }
        }).orElse(0);
    }

    /**
     * The JSON object body; an empty body is an empty object. 400 when not exactly one JSON object
     * (read as strictly as the intakes read theirs: no duplicate keys, nothing after the document).
     */
    public JsonNode body() {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        if (raw == null || new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return CanonicalJson.mapper().createObjectNode();
        }
        return JsonRequestReader.object(raw);
    }

    public static Instant parseInstant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant such as 2026-11-20T10:15:30Z, got '" + value + "'.");
        }
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad Request", detail));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(key, value);
        }
        return parameters;
    }
}
