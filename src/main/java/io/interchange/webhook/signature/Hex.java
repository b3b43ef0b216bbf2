package io.interchange.webhook.signature;

import java.util.HexFormat;

/** Lenient hex decoding for signatures: upper or lower case; null for anything that is not hex. */
final class Hex {

    private Hex() {
    }

    static byte[] decode(String text) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
