package io.interchange.edi;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Tells X12 from EDIFACT by the first bytes of a file, without consuming them. */
public final class EdiFormat {

    private static final int LOOK_AHEAD = 512;

    private EdiFormat() {
    }

    /**
     * Peeks at the start of the stream. Leading whitespace and a UTF-8 byte order mark are
     * tolerated because partners' tools add them; anything else before the header is not EDI.
     */
    public static EdiStandard detect(BufferedInputStream in) throws IOException {
        in.mark(LOOK_AHEAD);
        byte[] head = in.readNBytes(LOOK_AHEAD);
        in.reset();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int start = 0;
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            start = 3;
        }
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        String rest = text.substring(start);
        if (rest.startsWith("ISA")) {
            return EdiStandard.X12;
        }
        if (rest.startsWith("UNA") || rest.startsWith("UNB")) {
            return EdiStandard.EDIFACT;
        }
        if (rest.isEmpty()) {
            throw new NotEdiException("Not an EDI file: the input is empty");
        }
        throw new NotEdiException("Not an EDI file: expected an X12 ISA or an EDIFACT UNA/UNB header but it starts with '"
                + printable(rest) + "'");
    }

    private static String printable(String text) {
        String first = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        return first.replace("\r", "\\r").replace("\n", "\\n");
    }
}
