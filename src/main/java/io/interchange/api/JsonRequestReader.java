package io.interchange.api;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every JSON intake: refuses anything but {@code application/json} (415) and
 * anything that is not exactly one JSON object (400: a syntax error with line and column, a key
 * twice in one object, anything after the document — see {@link JsonReadProblem}). Leaves the
 * parsed tree as the body and the raw bytes in the {@code rawBody} property (for signatures and
 * DLQ). The admin API reads its bodies through {@link #object(byte[])} too.
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
        exchange.getMessage().setBody(object(raw));
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /**
     * The body as one strict JSON object (the {@link CanonicalJson} reading rules).
     *
     * @throws ProblemException 400 naming what is wrong and where
     */
    public static JsonNode object(byte[] raw) {
        JsonNode tree;
        try {
            tree = CanonicalJson.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonReadProblem.of(e));
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", e.getMessage()));
        } catch (NumberFormatException e) {
            // Jackson reads a number's digits only when building the tree: an exponent past what
            // BigDecimal holds (1e9999999999) fails there, outside its parse exceptions
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "A number in the body is out of any range: " + e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body holds no JSON document, only white space."));
        }
        if (!tree.isObject()) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The body must be a JSON object, not " + tree.getNodeType().name().toLowerCase(Locale.ROOT) + "."));
        }
        return tree;
    }
}
