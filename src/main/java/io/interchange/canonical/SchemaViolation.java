package io.interchange.canonical;

/** One way a document breaks its schema: where (a JSON pointer) and what. */
public record SchemaViolation(String pointer, String message) {
}
