package io.interchange.edi.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact source of one standard's schemas, as kept under {@code src/main/resources/edi/source/}:
 * an element dictionary ({@code <std>-elements.txt}), the composites and segments
 * ({@code <std>-segments.txt}) and one structure table per message ({@code <std>-<message>.txt}).
 * The file formats are described at the top of each file; {@link SchemaGenerator} turns a message
 * and a version into a StAEDI schema.
 */
public final class SchemaSource {

    /** A data element: X12 type AN/ID/Nn/R/DT/TM or EDIFACT an/n, with lengths per version. */
    public record Element(String id, String type, int minLength, int maxLength, String title,
            Map<VersionRange, int[]> olderLengths) {

        int[] lengths(String version) {
            for (Map.Entry<VersionRange, int[]> older : olderLengths.entrySet()) {
                if (older.getKey().contains(version)) {
                    return older.getValue();
                }
            }
            return new int[] {minLength, maxLength};
        }
    }

    /** A reference to an element or composite in a segment or composite, mandatory or not. */
    public record Ref(String id, boolean mandatory, boolean composite) {
    }

    /** A composite or segment layout, valid for {@code versions}. */
    public record Layout(String id, VersionRange versions, List<Ref> refs, String title) {
    }

    /** One line of a structure table: a segment or a loop (with its children). */
    public record Node(String name, int min, int max, VersionRange versions, String title, List<Node> children) {
        public boolean loop() {
            return name.endsWith("Loop");
        }

        /** The tag of the segment itself, or of a loop's first segment. */
        public String tag() {
            return loop() ? name.substring(0, name.length() - "Loop".length()) : name;
        }
    }

    static final int UNBOUNDED = 99999;
    private static final Pattern X12_ELEMENT = Pattern.compile(
            "(\\d+)\\s+(AN|ID|N\\d|R|DT|TM)\\s+(\\d+)\\s+(\\d+)\\s+([^{]*?)\\s*((?:\\{[^}]*}\\s*)*)");
    private static final Pattern EDIFACT_ELEMENT = Pattern.compile("(\\d{4})\\s+(an|n|a)\\.\\.(\\d+)\\s+(.*)");
    private static final Pattern OLDER = Pattern.compile("\\{(\\S+)\\s+(\\d+)\\s+(\\d+)}");

    private final String standard;
    private final Map<String, Element> elements;
    private final Map<String, List<Layout>> composites;
    private final Map<String, List<Layout>> segments;
    private final Map<String, List<Node>> messages = new HashMap<>();

    private SchemaSource(String standard, Map<String, Element> elements, Map<String, List<Layout>> composites,
            Map<String, List<Layout>> segments) {
        this.standard = standard;
        this.elements = elements;
        this.composites = composites;
        this.segments = segments;
    }

    /** {@code x12} or {@code edifact}, read from the classpath ({@code /edi/source/}). */
    public static SchemaSource load(String standard) {
        Map<String, Element> elements = new LinkedHashMap<>();
        for (String line : lines(standard + "-elements.txt")) {
            Element element = standard.equals("x12") ? x12Element(line) : edifactElement(line);
            elements.put(element.id(), element);
        }
        Map<String, List<Layout>> composites = new LinkedHashMap<>();
        Map<String, List<Layout>> segments = new LinkedHashMap<>();
        Map<String, List<Layout>> section = null;
        for (String line : lines(standard + "-segments.txt")) {
            if (line.equals("[composites]")) {
                section = composites;
            } else if (line.equals("[segments]")) {
                section = segments;
            } else if (section == null) {
                throw new IllegalStateException("segment file line outside [composites]/[segments]: " + line);
            } else {
                Layout layout = layout(line);
                section.computeIfAbsent(layout.id(), k -> new ArrayList<>()).add(layout);
            }
        }
        return new SchemaSource(standard, elements, composites, segments);
    }

    public String standard() {
        return standard;
    }

    public Element element(String id) {
        Element element = elements.get(id);
        if (element == null) {
            throw new IllegalStateException(standard + " element " + id + " is not in the dictionary");
        }
        return element;
    }

    public Layout composite(String id, String version) {
        return pick(composites, id, version, "composite");
    }

    public Layout segment(String tag, String version) {
        return pick(segments, tag, version, "segment");
    }

    /** The structure table of {@code message} (e.g. {@code 850}, {@code orders}), every version's rows. */
    public synchronized List<Node> message(String message) {
        return messages.computeIfAbsent(message, m -> structure(lines(standard + "-" + m + ".txt", true)));
    }

    /** A layout for exactly this version wins over the plain one. */
    private Layout pick(Map<String, List<Layout>> layouts, String id, String version, String what) {
        List<Layout> candidates = layouts.get(id);
        if (candidates == null) {
            throw new IllegalStateException(standard + " " + what + " " + id + " is not defined");
        }
        Layout plain = null;
        for (Layout layout : candidates) {
            if (layout.versions() == VersionRange.ALL) {
                plain = layout;
            } else if (layout.versions().contains(version)) {
                return layout;
            }
        }
        return plain;
    }

    private static Element x12Element(String line) {
        Matcher m = X12_ELEMENT.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("not an X12 element line: " + line);
        }
        Map<VersionRange, int[]> older = new LinkedHashMap<>();
        Matcher o = OLDER.matcher(m.group(6));
        while (o.find()) {
            older.put(VersionRange.parse(o.group(1)), new int[] {Integer.parseInt(o.group(2)), Integer.parseInt(o.group(3))});
        }
        return new Element(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                m.group(5), older);
    }

    private static Element edifactElement(String line) {
        Matcher m = EDIFACT_ELEMENT.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("not an EDIFACT element line: " + line);
        }
        return new Element(m.group(1), m.group(2), 1, Integer.parseInt(m.group(3)), m.group(4).strip(), Map.of());
    }

    private static Layout layout(String line) {
        int bar = line.indexOf('|');
        String title = bar < 0 ? "" : line.substring(bar + 1).strip();
        String[] tokens = (bar < 0 ? line : line.substring(0, bar)).trim().split("\\s+");
        String id = tokens[0];
        VersionRange versions = VersionRange.ALL;
        int at = id.indexOf('@');
        if (at > 0) {
            versions = VersionRange.parse(id.substring(at + 1));
            id = id.substring(0, at);
        }
        List<Ref> refs = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            boolean mandatory = token.endsWith("!");
            String ref = mandatory ? token.substring(0, token.length() - 1) : token;
            refs.add(new Ref(ref, mandatory, ref.startsWith("C")));
        }
        return new Layout(id, versions, List.copyOf(refs), title);
    }

    /** Indentation (two spaces a level) nests rows under the loop above them. */
    private static List<Node> structure(List<String> rawLines) {
        List<Node> top = new ArrayList<>();
        List<List<Node>> levels = new ArrayList<>();
        levels.add(top);
        for (String raw : rawLines) {
            int indent = 0;
            while (indent < raw.length() && raw.charAt(indent) == ' ') {
                indent++;
            }
            int depth = indent / 2;
            String[] tokens = raw.trim().split("\\s+");
            VersionRange versions = VersionRange.ALL;
            String title = null;
            for (int i = 3; i < tokens.length; i++) {
                if (tokens[i].startsWith("SG")) {
                    title = tokens[i];
                } else if (VersionRange.looksLikeRange(tokens[i])) {
                    versions = VersionRange.parse(tokens[i]);
                } else {
                    throw new IllegalStateException("unexpected '" + tokens[i] + "' in structure line: " + raw);
                }
            }
            int max = tokens[2].equals("n") ? UNBOUNDED : Integer.parseInt(tokens[2]);
            Node node = new Node(tokens[0], Integer.parseInt(tokens[1]), max, versions, title, new ArrayList<>());
            if (depth >= levels.size()) {
                throw new IllegalStateException("structure line indented under a segment: " + raw);
            }
            levels.get(depth).add(node);
            while (levels.size() > depth + 1) {
                levels.remove(levels.size() - 1);
            }
            if (node.loop()) {
                levels.add(node.children());
            }
        }
        return top;
    }

    private static List<String> lines(String file) {
        return lines(file, false);
    }

    private static List<String> lines(String file, boolean keepIndent) {
        String path = "/edi/source/" + file;
        try (InputStream in = SchemaSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("EDI schema source " + path + " is missing from the classpath");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(keepIndent ? line.stripTrailing() : stripped);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
