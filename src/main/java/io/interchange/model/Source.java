package io.interchange.model;

/** Where a document came from: the intake channel and the partner or platform that sent it. */
public record Source(String channel, String partnerId, String system) {
}
