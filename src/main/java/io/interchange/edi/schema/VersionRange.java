package io.interchange.edi.schema;

/**
 * A range of X12 versions ({@code 003010-003070}, {@code 004010-}) or EDIFACT directories
 * ({@code D96A-D99B}, {@code D01B-}), both ends inclusive, an empty end open. EDIFACT directories
 * are ordered by year (D.01B comes after D.99B), X12 versions by their six digits.
 */
public record VersionRange(String from, String to) {

    public static final VersionRange ALL = new VersionRange("", "");

    public static VersionRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return new VersionRange(text, text);
        }
        return new VersionRange(text.substring(0, dash), text.substring(dash + 1));
    }

    public static boolean looksLikeRange(String token) {
        return token.matches("(\\d{6}|D\\d\\d[A-Z])(-(\\d{6}|D\\d\\d[A-Z])?)?");
    }

    public boolean contains(String version) {
        long key = order(version);
        return (from.isEmpty() || key >= order(from)) && (to.isEmpty() || key <= order(to));
    }

    /** X12 004010 -> 4010; EDIFACT D96A -> 1996 * 26 + 0, D01B -> 2001 * 26 + 1. */
    static long order(String version) {
        if (version.startsWith("D") && version.length() >= 4) {
            int year = Integer.parseInt(version.substring(1, 3));
            return (year < 50 ? 2000L + year : 1900L + year) * 26 + (version.charAt(3) - 'A');
        }
        return Long.parseLong(version.substring(0, Math.min(6, version.length())));
    }

    @Override
    public String toString() {
        return from.equals(to) ? from : from + "-" + to;
    }
}
