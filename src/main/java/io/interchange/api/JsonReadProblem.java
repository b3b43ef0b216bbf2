package io.interchange.api;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.interchange.canonical.SchemaViolation;

/**
 * Says why a body could not be read as one JSON document, in the sender's terms: which kind of
 * problem, where (JSON pointer of the member being read, line and column) and what Jackson found.
 * Jackson does the detecting (strict duplicate detection, trailing tokens); this only names it.
 */
final class JsonReadProblem {

    private static final String DUPLICATE = "Duplicate field ";
    private static final String TRAILING = "Trailing token";

    private JsonReadProblem() {
    }

    static Problem of(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String pointer = pointer(e);
        String at = at(e.getLocation());
        if (what.startsWith(DUPLICATE)) {
            String key = what.substring(DUPLICATE.length());
            return Problem.of(400, "duplicate-key", "Duplicate JSON Key",
                    "Key " + key + " appears twice in the object at " + parent(pointer) + at
                            + "; send each key once (which one is meant cannot be guessed).")
                    .withErrors(List.of(new SchemaViolation(pointer, "duplicate key " + key)));
        }
        if (what.startsWith(TRAILING) || afterTheDocument(e)) {
            return Problem.of(400, "trailing-content", "Content After The JSON Document",
                    "The body goes on after its JSON document" + at + "; send exactly one document: "
                            + firstLine(what))
                    .withErrors(List.of(new SchemaViolation("/", "content after the end of the document" + at)));
        }
        return Problem.of(400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON" + at + ": " + firstLine(what))
                .withErrors(List.of(new SchemaViolation(pointer, firstLine(what))));
    }

    /**
     * A token that does not parse, met at the top level with a complete value already read (the
     * parser's last token is that value's end): garbage after the document, not a broken document.
     */
    private static boolean afterTheDocument(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser parser && parser.getParsingContext().inRoot()
                && parser.currentToken() != null;
    }

    private static String pointer(JsonProcessingException e) {
        JsonStreamContext context = context(e);
        String pointer = context == null ? "" : context.pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static JsonStreamContext context(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
    }

    private static String parent(String pointer) {
        int last = pointer.lastIndexOf('/');
        return last <= 0 ? "/" : pointer.substring(0, last);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's messages go on with a second line of hints; the first says what happened. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
