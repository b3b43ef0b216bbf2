package io.interchange.edi;

import java.util.Objects;

/**
 * Control numbers of an outbound acknowledgement, issued by the caller's sequence: X12 ISA13,
 * GS06, ST02; EDIFACT UNB 0020, (unused), UNH 0062.
 */
public record AckControlNumbers(String interchange, String group, String transaction) {

    public AckControlNumbers {
        Objects.requireNonNull(interchange, "interchange");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(transaction, "transaction");
    }

    public static AckControlNumbers of(long interchange, long group, long transaction) {
        return new AckControlNumbers(Long.toString(interchange), Long.toString(group), Long.toString(transaction));
    }
}
