package io.interchange.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The partner samples (src/test/resources/edi, copied from shared/samples), optionally renumbered. */
public final class EdiSamples {

    private static final Pattern UNB_REFERENCE = Pattern.compile("UNB(?:\\+[^+']*){4}\\+([^+']+)");

    private EdiSamples() {
    }

    public static String text(String path) {
        try (InputStream in = EdiSamples.class.getResourceAsStream("/edi/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An X12 sample with its ISA13/IEA02 replaced by {@code icn} (9 digits) and every PO number
     * {@code PO-n} made {@code prefix-n}, so tests sharing one runtime do not meet each other's
     * interchanges and orders.
     */
    public static String x12(String path, long icn, String prefix) {
        String original = text(path);
        String icnText = original.substring(original.indexOf("ISA") + 90, original.indexOf("ISA") + 99);
        return original.replace(icnText, String.format("%09d", icn)).replace("PO-", prefix + "-");
    }

    /**
     * An EDIFACT sample with its interchange control reference (UNB 0020, UNZ 0020) replaced by
     * {@code reference} and every PO number {@code PO-n} made {@code prefix-n}.
     */
    public static String edifact(String path, String reference, String prefix) {
        String original = text(path);
        Matcher unb = UNB_REFERENCE.matcher(original);
        if (!unb.find()) {
            throw new IllegalArgumentException("no UNB in " + path);
        }
        return original.replace("+" + unb.group(1), "+" + reference).replace("PO-", prefix + "-");
    }
}
