package io.interchange.edi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
 *       there and marked {@link Piece#trailerMissing()};</li>
 *   <li>an ISA that is not the fixed-width 106 characters its delimiters are read from is
 *       reported unreadable ({@link EdiHandler#onUnreadable}) and skipped to the next line.</li>
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
        private IOException sourceFailure;

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

        /** The file itself could not be read (a download cut off), as opposed to its content. */
        IOException sourceFailure() {
            return sourceFailure;
        }
    }

    /** ISA element separators at their fixed places; ISA16 at 104 and the terminator at 105. */
    private static final int[] ISA_SEPARATORS = {3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103};
    private static final int ISA_LENGTH = 106;
    /** What {@link #headerAt()} says of an ISA whose fixed widths are wrong. */
    private static final Object MALFORMED_ISA = new Object();

    private final InputStream raw;
    private final EdiHandler handler;
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
    /** Some byte of the piece went out: a header from now on starts the next interchange. */
    private boolean started;

    /** @param handler told what was skipped or repaired (notes) and of headers that cannot be read */
    InterchangeSplitter(InputStream raw, EdiHandler handler) {
        this.raw = raw;
        this.handler = handler;
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
            handler.onNote("a UTF-8 byte order mark at the start of the file was skipped");
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
            Object header = headerAt();
            if (header == MALFORMED_ISA) {
                interchanges++;
                handler.onUnreadable(interchanges, "interchange " + interchanges + " of the file is unreadable: its ISA is not "
                        + "the fixed-width 106 characters X12 reads the delimiters from: '" + line(120) + "'");
                continue;
            }
            if (header instanceof EdiStandard standard) {
                if (junkLines > 0) {
                    handler.onNote("skipped " + junkLines + " line(s) of non-EDI text (" + junkBytes
                            + " bytes) before interchange " + (interchanges + 1) + ", starting '" + firstJunk + "'");
                }
                return standard;
            }
            if (junkBytes >= MAX_JUNK) {
                return tooMuchJunk(firstJunk);
            }
            long before = consumed;
            String line = line(40);
            junkBytes += consumed - before;
            junkLines++;
            if (firstJunk == null) {
                firstJunk = line;
            }
        }
        if (interchanges == 0) {
            throw new NotEdiException(firstJunk == null ? "Not an EDI file: the file is empty"
                    : "Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header; it starts with '" + firstJunk + "'");
        }
        if (junkLines > 0) {
            handler.onNote("skipped " + junkLines + " line(s) of non-EDI text (" + junkBytes
                    + " bytes) after interchange " + interchanges + ", starting '" + firstJunk + "'");
        }
        return null;
    }

    private EdiStandard tooMuchJunk(String firstJunk) {
        if (interchanges == 0) {
            throw new NotEdiException("Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header in the first "
                    + MAX_JUNK / 1024 + " KiB; it starts with '" + firstJunk + "'");
        }
        handler.onNote("the rest of the file after interchange " + interchanges + " (from byte " + consumed
                + ") is not EDI and was not read; it starts with '" + firstJunk + "'");
        stopped = true;
        return null;
    }

    /** Skips one line (up to {@value #MAX_JUNK} bytes of it) and returns its start, printable. */
    private String line(int keep) throws IOException {
        StringBuilder line = new StringBuilder();
        long start = consumed;
        while (ensure(1) && buf[pos] != '\n' && buf[pos] != '\r' && consumed - start < MAX_JUNK) {
            if (line.length() < keep) {
                line.append(printable(buf[pos] & 0xFF));
            }
            advance(1);
        }
        return line.toString();
    }

    /**
     * Is there an interchange header at {@code pos}? An ISA with its separators where X12 fixes
     * them ({@link #MALFORMED_ISA} if not), a UNA, a UNB plus a separator. Else null.
     */
    private Object headerAt() throws IOException {
        if (!ensure(4)) {
            return null;
        }
        String tag = new String(buf, pos, 3, StandardCharsets.ISO_8859_1);
        int next = buf[pos + 3] & 0xFF;
        boolean separator = !Character.isLetterOrDigit(next) && !isBlank(next);
        if (tag.equals("ISA") && separator) {
            return isaLength() > 0 ? EdiStandard.X12 : MALFORMED_ISA;
        }
        if ((tag.equals("UNA") && ensure(9)) || (tag.equals("UNB") && separator)) {
            return EdiStandard.EDIFACT;
        }
        return null;
    }

    private void start(EdiStandard standard) throws IOException {
        piece = new Piece(standard, interchanges, new PieceStream());
        ended = false;
        started = false;
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
     * How many raw bytes from {@code pos} the ISA takes, line breaks inside it included (a wrapped
     * ISA is not where the fixed widths say until they are dropped); 0 if the separators are not
     * at their fixed places. The terminator is the character after ISA16, a line break included.
     */
    private int isaLength() throws IOException {
        ensure(MAX_ISA);
        int element = buf[pos + 3] & 0xFF;
        int clean = 0;
        int next = 0;
        for (int i = pos; i < limit && i < pos + MAX_ISA; i++) {
            int b = buf[i] & 0xFF;
            if (clean == ISA_LENGTH - 1) {
                return i - pos + 1;
            }
            if (b == '\r' || b == '\n') {
                continue;
            }
            boolean separatorHere = next < ISA_SEPARATORS.length && clean == ISA_SEPARATORS[next];
            if (separatorHere != (b == element)) {
                return 0;
            }
            if (separatorHere) {
                next++;
            }
            clean++;
        }
        return 0;
    }

    /** The ISA with any line breaks inside it removed, up to and including its segment terminator. */
    private byte[] cleanIsa() throws IOException {
        int length = isaLength();
        byte[] isa = new byte[ISA_LENGTH];
        int clean = 0;
        for (int i = pos; i < pos + length; i++) {
            int b = buf[i] & 0xFF;
            if (clean < ISA_LENGTH - 1 && (b == '\r' || b == '\n')) {
                continue;
            }
            isa[clean++] = (byte) b;
        }
        advance(length);
        terminator = isa[ISA_LENGTH - 1] & 0xFF;
        strip = terminator != '\r' && terminator != '\n';
        release = NONE;
        return isa;
    }

    /** Fills {@code out} with the current piece's next bytes; -1 when it has ended. */
    private int read(byte[] out, int off, int len) throws IOException {
        int n = 0;
        while (n < len && prefixPos < prefix.length) {
            out[off + n++] = prefix[prefixPos++];
            started = true;
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
                if (header && started && headerAt() != null) {
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
                    handler.onNote("interchange " + piece.ordinal + ": line breaks inside segments were dropped (its segment terminator is '"
                            + printable(terminator) + "')");
                }
                continue;
            }
            out[off + n++] = (byte) b;
            started = true;
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
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            try {
                return InterchangeSplitter.this.read(out, off, len);
            } catch (IOException e) {
                piece.sourceFailure = e;
                throw e;
            }
        }
    }
}
