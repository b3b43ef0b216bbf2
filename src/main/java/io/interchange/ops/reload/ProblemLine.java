package io.interchange.ops.reload;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.schibsted.spt.data.jslt.JsltException;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.NoSuchBeanException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ResolveEndpointFailedException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Finds the line of a file a validation failure is about: from the parser's own mark when it has one
 * (YAML, JSON, JSLT), otherwise by looking for what the failure names (the endpoint that does not
 * resolve, the bean that does not exist, the step it failed at) in the file's text.
 */
final class ProblemLine {

    private static final Pattern AT_STEP = Pattern.compile(">>> (.+?) <<<");

    private ProblemLine() {
    }

    static int of(Throwable failure, String text) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                return marked.getProblemMark().get().getLine() + 1;
            }
            if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
                JsonLocation at = json.getLocation();
                return at.getLineNr();
            }
            if (cause instanceof JsltException jslt && jslt.getLine() > 0) {
                return jslt.getLine();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResolveEndpointFailedException endpoint) {
                int line = lineOf(text, uriToken(endpoint.getUri()));
                if (line > 0) {
                    return line;
                }
            }
            if (cause instanceof NoSuchEndpointException endpoint) {
                int line = lineOf(text, uriToken(endpoint.getUri()));
                if (line > 0) {
                    return line;
                }
            }
            if (cause instanceof NoSuchBeanException bean && bean.getName() != null) {
                int line = lineOf(text, bean.getName());
                if (line > 0) {
                    return line;
                }
            }
        }
        Matcher step = AT_STEP.matcher(String.valueOf(failure.getMessage()));
        if (step.find()) {
            // "To[jms:queue:x]" -> "jms:queue:x"
            String node = step.group(1);
            int open = node.indexOf('[');
            String inner = open >= 0 && node.endsWith("]") ? node.substring(open + 1, node.length() - 1) : node;
            return lineOf(text, uriToken(inner));
        }
        return 0;
    }

    /**
     * What went wrong, as ops need it: the parser's own problem for a YAML error, otherwise the deepest
     * cause (the missing bean, the unknown endpoint), prefixed with the route it broke.
     */
    static String reason(Throwable failure) {
        String route = null;
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked) {
                String problem = Optional.ofNullable(marked.getProblem()).orElse(marked.getMessage());
                return oneLine("YAML: " + problem + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")"));
            }
            if (cause instanceof JsltException jslt) {
                return oneLine(jslt.getMessageWithoutLocation());
            }
            if (cause instanceof FailedToCreateRouteException failed && failed.getRouteId() != null && route == null) {
                route = failed.getRouteId();
            }
            if (cause.getMessage() != null) {
                deepest = cause;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return oneLine((route == null ? "" : "route " + route + ": ") + message);
    }

    static int lineOf(String text, String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].trim().startsWith("#") && lines[i].contains(token)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The part of an endpoint URI that appears literally in a YAML file: scheme and path, no options. */
    private static String uriToken(String uri) {
        if (uri == null) {
            return null;
        }
        String token = uri.split("\\?", 2)[0];
        return token.replace("://", ":");
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 600 ? flat.substring(0, 600) + "..." : flat;
    }
}
