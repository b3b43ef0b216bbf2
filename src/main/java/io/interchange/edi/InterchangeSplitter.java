package io.interchange.edi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a partner file into its interchanges as it streams, so that each one is parsed on its own,
 * with its own delimiters, and a broken one does not take the next one down. On the way it
 * undoes what partners' tools and mailboxes do to files:
 * <ul>
 *   <li>a UTF-8 byte order mark at the start is dropped;</li>
 *   <li>lines before an ISA/UNA/UNB header (a VAN banner, a mail header) are skipped and noted;</li>
 *   <li>when the segment terminator is not a line break, line breaks are dropped everywhere in the
 *       interchange: files hard-wrapped at 80 columns break segments, even the ISA, anywhere;</li>
 *   <li>an interchange that ends (end of file, or the next header) without its IEA/UNZ is cut
 *       there and marked {@link Piece#trailerMissing()}.</li>
 * </ul>
 * At most {@value #MAX_JUNK} bytes of non-EDI text are skipped in one place: a file with no
 * header that early is not EDI ({@link NotEdiException}), and text after an interchange that long
 * ends the reading (noted). One instance reads one file; memory is one buffer, whatever the size.
 */
final class InterchangeSplitter {

    static final int MAX_JUNK = 64 * 1024;
    /** Room for an ISA wrapped over several lines (106 characters plus line breaks). */
    private static final int MAX_ISA = 400;
    private static final int CHUNK = 64 * 1024;
    private static final int NONE = -1;

    /** One interchange's bytes, cleaned, and what the cutting found out about it. */
    static final class Piece {
        private final EdiStandard standard;
        private final int ordinal;
        private final InputStream content;
        private boolean trailerMissing;

        private Piece(EdiStandard standard, int ordinal, InputStream content) {
            this.standard = standard;
            this.ordinal = ordinal;
            this.content = content;
        }

        EdiStandard standard() {
            return standard;
        }

        /** 1 for the first interchange of the file. */
        int ordinal() {
            return ordinal;
        }

        InputStream content() {
            return content;
        }

        /** Known once {@link #content()} is read to its end: the interchange had no IEA/UNZ. */
        boolean trailerMissing() {
            return trailerMissing;
        }
    }

    private final InputStream raw;
    private final Consumer<String> notes;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;
    private int interchanges;
    private boolean stopped;

    // the interchange being cut
    private Piece piece;
    private byte[] prefix;
    private int prefixPos;
    private int terminator = NONE;
    private int release = NONE;
    private boolean strip;
    private boolean segmentStart;
    private boolean escaped;
    private boolean trailerSegment;
    private boolean expectUnb;
    private boolean ended;
    private boolean wrapNoted;

    /** @param notes what was skipped or repaired, one sentence each, for the log and the partner's report */
    InterchangeSplitter(InputStream raw, Consumer<String> notes) {
        this.raw = raw;
        this.notes = notes;
    }

    /**
     * The next interchange, or {@code null} at the end of the file. The previous piece's content
     * is skipped to its end first, if its reader stopped early.
     *
     * @throws NotEdiException if the file holds no interchange at all
     */
    Piece next() throws IOException {
        if (piece != null) {
            drain();
            piece = null;
        }
        if (stopped) {
            return null;
        }
        if (consumed == 0 && pos == 0) {
            skipByteOrderMark();
        }
        EdiStandard standard = findHeader();
        if (standard == null) {
            return null;
        }
        interchanges++;
        start(standard);
        return piece;
    }

    private void skipByteOrderMark() throws IOException {
        if (ensure(3) && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            advance(3);
            notes.accept("a UTF-8 byte order mark at the start of the file was skipped");
        }
    }

    /** Skips blanks and junk lines up to the next header; null at the end (or too much junk after an interchange). */
    private EdiStandard findHeader() throws IOException {
        int junkLines = 0;
        long junkBytes = 0;
        String firstJunk = null;
        while (true) {
            if (!ensure(1)) {
                break;
            }
            int b = buf[pos] & 0xFF;
            if (isBlank(b)) {
                advance(1);
                continue;
            }
            EdiStandard standard = headerAt();
            if (standard != null) {
                if (junkLines > 0) {
                    notes.accept("skipped " + junkLines + " line(s) of non-EDI text (" + junkBytes
                            + " bytes) before interchange " + (interchanges + 1) + ", starting '" + firstJunk + "'");
                }
                return standard;
            }
            if (junkBytes >= MAX_JUNK) {
                return tooMuchJunk(firstJunk);
            }
            // one junk line: up to the next line break
            StringBuilder line = new StringBuilder();
            while (ensure(1) && buf[pos] != '\n' && buf[pos] != '\r' && junkBytes < MAX_JUNK) {
                if (line.length() < 40) {
                    line.append(printable(buf[pos] & 0xFF));
                }
                advance(1);
                junkBytes++;
            }
            junkLines++;
            if (firstJunk == null) {
                firstJunk = line.toString();
            }
        }
        if (interchanges == 0) {
            throw new NotEdiException(firstJunk == null ? "Not an EDI file: the file is empty"
                    : "Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header; it starts with '" + firstJunk + "'");
        }
        if (junkLines > 0) {
            notes.accept("skipped " + junkLines + " line(s) of non-EDI text (" + junkBytes
                    + " bytes) after interchange " + interchanges + ", starting '" + firstJunk + "'");
        }
        return null;
    }

    private EdiStandard tooMuchJunk(String firstJunk) {
        if (interchanges == 0) {
            throw new NotEdiException("Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header in the first "
                    + MAX_JUNK / 1024 + " KiB; it starts with '" + firstJunk + "'");
        }
        notes.accept("the rest of the file after interchange " + interchanges + " (from byte " + consumed
                + ") is not EDI and was not read; it starts with '" + firstJunk + "'");
        stopped = true;
        return null;
    }

    /** Is there an interchange header at {@code pos}? ISA plus its element separator; UNA; UNB plus a separator. */
    private EdiStandard headerAt() throws IOException {
        if (!ensure(4)) {
            return null;
        }
        String tag = new String(buf, pos, 3, StandardCharsets.ISO_8859_1);
        int next = buf[pos + 3] & 0xFF;
        boolean separator = !Character.isLetterOrDigit(next) && !isBlank(next);
        if (tag.equals("ISA") && separator) {
            return EdiStandard.X12;
        }
        if ((tag.equals("UNA") && ensure(9)) || (tag.equals("UNB") && separator)) {
            return EdiStandard.EDIFACT;
        }
        return null;
    }

    private void start(EdiStandard standard) throws IOException {
        piece = new Piece(standard, interchanges, new PieceStream());
        ended = false;
        escaped = false;
        wrapNoted = false;
        trailerSegment = false;
        expectUnb = false;
        prefixPos = 0;
        if (standard == EdiStandard.X12) {
            prefix = cleanIsa();
            segmentStart = true;
            return;
        }
        if (buf[pos] == 'U' && buf[pos + 1] == 'N' && buf[pos + 2] == 'A') {
            prefix = new byte[9];
            System.arraycopy(buf, pos, prefix, 0, 9);
            advance(9);
            release = prefix[6] == ' ' ? NONE : prefix[6] & 0xFF;
            terminator = prefix[8] & 0xFF;
            expectUnb = true;
        } else {
            prefix = new byte[0];
            release = '?';
            terminator = '\'';
        }
        strip = terminator != '\r' && terminator != '\n';
        segmentStart = true;
    }

    /**
     * The ISA with any line breaks inside it removed, up to and including its segment terminator:
     * the character after ISA16, found by counting sixteen element separators (the ISA is fixed
     * width, but a wrapped one is not where the widths say).
     */
    private byte[] cleanIsa() throws IOException {
        ensure(MAX_ISA);
        int element = buf[pos + 3] & 0xFF;
        byte[] isa = new byte[MAX_ISA];
        int length = 0;
        int separators = 0;
        int i = pos;
        int end = Math.min(limit, pos + MAX_ISA);
        while (i < end) {
            int b = buf[i++] & 0xFF;
            if (separators == 16 && length > 0 && isa[length - 1] != (byte) element) {
                // after ISA16 (one character): this is the segment terminator, a line break included
                isa[length++] = (byte) b;
                terminator = b;
                strip = b != '\r' && b != '\n';
                release = NONE;
                advance(i - pos);
                byte[] clean = new byte[length];
                System.arraycopy(isa, 0, clean, 0, length);
                return clean;
            }
            if (b == '\r' || b == '\n') {
                continue;
            }
            isa[length++] = (byte) b;
            if (b == element) {
                separators++;
            }
        }
        // no complete ISA: hand it over as it is, the parser names what is wrong with it
        terminator = NONE;
        release = NONE;
        strip = false;
        return new byte[0];
    }

    /** Fills {@code out} with the current piece's next bytes; -1 when it has ended. */
    private int read(byte[] out, int off, int len) throws IOException {
        int n = 0;
        while (n < len && prefixPos < prefix.length) {
            out[off + n++] = prefix[prefixPos++];
        }
        while (n < len && !ended) {
            if (pos >= limit && !fill()) {
                ended = true;
                // an IEA/UNZ cut off before its terminator is there all the same; the parser judges it
                piece.trailerMissing = !trailerSegment;
                break;
            }
            int b = buf[pos] & 0xFF;
            if (segmentStart) {
                if (isBlank(b)) {
                    // between segments: a line-break terminator's partner (CR LF) stays, other blanks go
                    advance(1);
                    if (!strip && (b == '\r' || b == '\n')) {
                        out[off + n++] = (byte) b;
                    }
                    continue;
                }
                String tag = peekTag();
                boolean header = tag.equals("ISA") || tag.equals("UNA") || (tag.equals("UNB") && !expectUnb);
                if (header && headerAt() != null) {
                    // the next interchange begins before this one was closed
                    ended = true;
                    piece.trailerMissing = true;
                    break;
                }
                expectUnb = false;
                trailerSegment = tag.equals("IEA") || tag.equals("UNZ");
                segmentStart = false;
            }
            advance(1);
            if (strip && (b == '\r' || b == '\n')) {
                if (!wrapNoted) {
                    wrapNoted = true;
                    notes.accept("interchange " + piece.ordinal + ": line breaks inside segments were dropped (its segment terminator is '"
                            + printable(terminator) + "')");
                }
                continue;
            }
            out[off + n++] = (byte) b;
            if (escaped) {
                escaped = false;
            } else if (b == release) {
                escaped = true;
            } else if (b == terminator) {
                segmentStart = true;
                if (trailerSegment) {
                    ended = true;
                }
            }
        }
        return n == 0 && ended ? -1 : n;
    }

    /** The next segment's tag (three characters at most), line breaks skipped when they are dropped anyway. */
    private String peekTag() throws IOException {
        ensure(32);
        StringBuilder tag = new StringBuilder(3);
        for (int i = pos; i < limit && tag.length() < 3; i++) {
            int b = buf[i] & 0xFF;
            if (strip && (b == '\r' || b == '\n')) {
                continue;
            }
            if (!Character.isLetterOrDigit(b)) {
                break;
            }
            tag.append((char) b);
        }
        return tag.toString();
    }

    private void drain() throws IOException {
        byte[] sink = new byte[8192];
        while (read(sink, 0, sink.length) >= 0) {
            // the rest of a piece its reader did not want
        }
    }

    /** At least {@code n} bytes buffered from {@code pos} on, unless the file ends first. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more into the buffer (keeping what is unread); false at the end of the file. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int read = raw.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    private void advance(int n) {
        pos += n;
        consumed += n;
    }

    private static boolean isBlank(int b) {
        // 0x1A: the DOS end-of-file mark some mailboxes append
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0 || b == 0x1A;
    }

    private static String printable(int b) {
        if (b == '\r') {
            return "\\r";
        }
        if (b == '\n') {
            return "\\n";
        }
        return b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b);
    }

    /** The current piece's bytes, as the StAEDI reader pulls them. */
    private final class PieceStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = InterchangeSplitter.this.read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return InterchangeSplitter.this.read(out, off, len);
        }
    }
}
