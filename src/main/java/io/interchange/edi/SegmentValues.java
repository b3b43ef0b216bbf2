package io.interchange.edi;

import java.util.HashMap;
import java.util.Map;

/** The element values of one envelope segment (ISA, GS, ST, UNB, UNH...), by position. */
final class SegmentValues {

    private final String tag;
    private final Map<String, String> values = new HashMap<>();

    SegmentValues(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    void put(int element, int component, String value) {
        values.put(key(element, component < 1 ? 0 : component), value);
    }

    /** The element's value; for a composite its first component. Never null. */
    String element(int position) {
        String simple = values.get(key(position, 0));
        return simple != null ? simple : component(position, 1);
    }

    /** A composite's component; for a simple element, component 1 is the element itself. Never null. */
    String component(int position, int component) {
        String value = values.get(key(position, component));
        if (value == null && component == 1) {
            value = values.get(key(position, 0));
        }
        return value == null ? "" : value;
    }

    String trimmed(int position) {
        return element(position).trim();
    }

    private static String key(int element, int component) {
        return element + "." + component;
    }
}
