package io.interchange.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.interchange.canonical.SchemaViolation;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json} to whoever sent bad input.
 * {@code type} is a stable URI naming the kind of problem; {@code errors} lists each failing
 * field when there is more than one thing wrong; {@code documentId} names the document a refusal
 * refers to (the original one, for a business key reused with other content).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<SchemaViolation> errors, String documentId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://interchange.io/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of(), null);
    }

    public Problem withErrors(List<SchemaViolation> violations) {
        return new Problem(type, title, status, detail, instance, List.copyOf(violations), documentId);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, documentId);
    }

    public Problem withDocumentId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }
}
