package io.interchange.edi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits written EDI into segments and elements so tests can assert element by element. */
public final class EdiText {

    private final List<List<String>> segments = new ArrayList<>();

    public EdiText(String text, char segmentTerminator, char elementSeparator) {
        for (String segment : text.split(java.util.regex.Pattern.quote(String.valueOf(segmentTerminator)))) {
            String trimmed = segment.strip();
            if (!trimmed.isEmpty()) {
                segments.add(Arrays.asList(trimmed.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), -1)));
            }
        }
    }

    public static EdiText x12(String text) {
        return new EdiText(text, text.charAt(105), text.charAt(3));
    }

    /** EDIFACT with the delimiters its UNA declares, else the defaults {@code +} and {@code '}. */
    public static EdiText edifact(String text) {
        return text.startsWith("UNA") ? new EdiText(text.substring(9), text.charAt(8), text.charAt(4))
                : new EdiText(text, '\'', '+');
    }

    public List<List<String>> segments() {
        return segments;
    }

    public List<String> tags() {
        return segments.stream().map(s -> s.get(0)).toList();
    }

    /** The n-th (0-based) segment with this tag, as [tag, element1, element2...]. */
    public List<String> segment(String tag, int occurrence) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).skip(occurrence).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " #" + occurrence + " in " + tags()));
    }

    public List<String> segment(String tag) {
        return segment(tag, 0);
    }

    public List<List<String>> all(String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).toList();
    }
}
