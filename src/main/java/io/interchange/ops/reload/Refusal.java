package io.interchange.ops.reload;

import java.time.Instant;

/**
 * Why a change to a route or mapping file was not applied: the file (relative to the watched
 * directory's parent, e.g. {@code routes/outbound/erp-orders.camel.yaml}), the line (0 when no line can be
 * named), the reason, and which version of the file (checksum) was refused.
 */
public record Refusal(String file, int line, String reason, String checksum, Instant at) {

    public Refusal withChecksum(String sum) {
        return new Refusal(file, line, reason, sum, at);
    }

    /** {@code routes/x.yaml:12: reason}, as the log, health and JMX show it. */
    public String describe() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
