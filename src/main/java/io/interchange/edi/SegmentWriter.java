package io.interchange.edi;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.util.List;

/**
 * A thin layer over StAEDI's writer that counts the segments of the current transaction (for
 * SE01/UNT) and leaves out trailing empty elements and components, as the standards require.
 */
final class SegmentWriter {

    private final EDIStreamWriter writer;
    private int transactionSegments;

    SegmentWriter(EDIStreamWriter writer) {
        this.writer = writer;
    }

    EDIStreamWriter stax() {
        return writer;
    }

    void startTransactionCount() {
        transactionSegments = 0;
    }

    /** Segments written since {@link #startTransactionCount()}, the current one included. */
    int transactionSegments() {
        return transactionSegments;
    }

    void start(String tag) throws EDIStreamException {
        writer.writeStartSegment(tag);
        transactionSegments++;
    }

    void end() throws EDIStreamException {
        writer.writeEndSegment();
    }

    /** Writes a segment of simple elements; {@code null} or empty values become empty elements. */
    void segment(String tag, String... elements) throws EDIStreamException {
        start(tag);
        int last = lastNonEmpty(List.of(nullsAsEmpty(elements)));
        for (int i = 0; i <= last; i++) {
            element(elements[i]);
        }
        end();
    }

    /** Writes one element; an empty or null value becomes an empty element. */
    void element(String value) throws EDIStreamException {
        if (value == null || value.isEmpty()) {
            writer.writeEmptyElement();
        } else {
            writer.writeElement(value);
        }
    }

    /** Writes a composite element; trailing empty components are left out. */
    void composite(String... components) throws EDIStreamException {
        int last = lastNonEmpty(List.of(nullsAsEmpty(components)));
        if (last < 0) {
            writer.writeEmptyElement();
            return;
        }
        writer.writeStartElement();
        for (int i = 0; i <= last; i++) {
            if (components[i] == null || components[i].isEmpty()) {
                writer.writeEmptyComponent();
            } else {
                writer.writeComponent(components[i]);
            }
        }
        writer.endElement();
    }

    static int lastNonEmpty(List<String> values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null && !values.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String[] nullsAsEmpty(String[] values) {
        String[] copy = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] == null ? "" : values[i];
        }
        return copy;
    }
}
