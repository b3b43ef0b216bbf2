package io.interchange.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an X12 partner found in its {@code outbound/} folder, read from the drop box's disk: each
 * file's type (997, 855 or TA1), its ISA13 and GS06, the groups a 997 acknowledges (AK102) and the
 * PO an 855 answers (BAK03). Files still being written (not yet renamed) are not counted.
 */
final class PartnerOutbound {

    /** One file: {@code group} and {@code reference} are null where the type has none. */
    record Document(String file, String type, long interchange, Long group, String reference) {
    }

    private final List<Document> documents;

    private PartnerOutbound(List<Document> documents) {
        this.documents = documents;
    }

    static PartnerOutbound read(Path folder) {
        List<Document> documents = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new PartnerOutbound(documents);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".x12")).sorted().toList()) {
                documents.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartnerOutbound(documents);
    }

    /** The X12 delimiters are where ISA puts them: the element separator after "ISA", the terminator after ISA16. */
    private static Document parse(String name, String x12) {
        String text = x12.strip();
        String element = String.valueOf(text.charAt(3));
        char terminator = text.charAt(105);
        String type = "TA1";
        long interchange = -1;
        Long group = null;
        String reference = null;
        for (String segment : text.split(Pattern.quote(String.valueOf(terminator)))) {
            String[] elements = segment.strip().split(Pattern.quote(element), -1);
            switch (elements[0]) {
                case "ISA" -> interchange = Long.parseLong(elements[13].trim());
                case "GS" -> group = Long.parseLong(elements[6].trim());
                case "ST" -> type = elements[1];
                case "AK1", "BAK" -> reference = elements[elements[0].equals("AK1") ? 2 : 3];
                default -> {
                    // the rest of the document does not matter here
                }
            }
        }
        return new Document(name, type, interchange, group, reference);
    }

    List<Document> ofType(String type) {
        return documents.stream().filter(d -> d.type().equals(type)).toList();
    }

    /** How many documents of {@code type} name each reference (997: the acknowledged GS06; 855: the PO). */
    Map<String, Integer> countsByReference(String type) {
        Map<String, Integer> counts = new HashMap<>();
        ofType(type).forEach(d -> counts.merge(d.reference(), 1, Integer::sum));
        return counts;
    }

    List<Long> interchangeNumbers() {
        return documents.stream().map(Document::interchange).toList();
    }

    List<Long> groupNumbers() {
        return documents.stream().map(Document::group).filter(Objects::nonNull).toList();
    }

    /** Numbers that occur more than once. */
    static int repeated(Collection<Long> numbers) {
        return numbers.size() - new TreeSet<>(numbers).size();
    }

    /** Numbers missing between the lowest and the highest (a sequence in order has none). */
    static long missing(Collection<Long> numbers) {
        TreeSet<Long> distinct = new TreeSet<>(numbers);
        return distinct.isEmpty() ? 0 : distinct.last() - distinct.first() + 1 - distinct.size();
    }

    int size() {
        return documents.size();
    }
}
