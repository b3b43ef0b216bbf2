package io.interchange.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every JSON intake: refuses anything but {@code application/json} (415) and
 * anything that does not parse as a JSON object (400, naming line and column). Leaves the parsed
 * tree as the body and the raw bytes in the {@code rawBody} property (for signatures and DLQ).
 */
public class JsonRequestReader implements Processor {

    public static final String RAW_BODY = "rawBody";

    @Override
    public void process(Exchange exchange) throws Exception {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the document as application/json; got "
                            + (contentType.isBlank() ? "no Content-Type" : "'" + contentType + "'") + "."));
        }
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        if (raw == null || raw.length == 0) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The request body is empty."));
        }
        exchange.setProperty(RAW_BODY, raw);
        exchange.getMessage().setBody(parse(raw));
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static JsonNode parse(byte[] raw) {
        JsonNode tree;
        try {
            tree = CanonicalJson.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body must be a JSON object."));
        }
        return tree;
    }
}
