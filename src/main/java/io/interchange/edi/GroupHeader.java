package io.interchange.edi;

/**
 * Facts of a functional group header (X12 GS, EDIFACT UNG).
 *
 * @param functionalId X12 GS01 (e.g. {@code PO}); EDIFACT UNG 0038
 * @param version X12 GS08 (e.g. {@code 004010}); EDIFACT UNG S008 joined with ':' (e.g. {@code D:96A})
 */
public record GroupHeader(String functionalId, String applicationSender, String applicationReceiver,
        String date, String time, String controlNumber, String version) {
}
