package io.interchange.edi.intake;

/** A file for the partner's outbound folder: an acknowledgement or a response. */
public record OutboundDocument(String fileName, byte[] content) {
}
