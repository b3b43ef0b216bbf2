package io.interchange.edi.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.edi.EdiStandard;
import io.interchange.edi.EdiTransaction;

/**
 * Reads a partner's 997, 999 or CONTRL from its transaction tree. It reads what the tree holds
 * whether or not a schema shaped it: with a schema, segments sit in loops ({@code AK2Loop}); for
 * a version without one, every segment is a flat array in file order. Either way an AK2 is paired
 * with the AK5 / IK5 that closes it, and a UCM carries its own verdict.
 */
public final class PartnerAcknowledgementReader {

    private static final Set<String> SETS = Set.of("997", "999", "CONTRL");

    /** Whether a transaction set is a functional acknowledgement (which is never acknowledged back). */
    public static boolean isAcknowledgement(String setId) {
        return setId != null && SETS.contains(setId);
    }

    public PartnerAcknowledgement read(EdiTransaction transaction) {
        return transaction.envelope().standard() == EdiStandard.X12
                ? x12(transaction.setId(), transaction.controlNumber(), transaction.tree())
                : contrl(transaction.controlNumber(), transaction.tree());
    }

    PartnerAcknowledgement x12(String setId, String controlNumber, JsonNode tree) {
        JsonNode ak1 = first(tree, "AK1");
        JsonNode ak9 = first(tree, "AK9");
        String closing = "999".equals(setId) ? "IK5" : "AK5";
        List<PartnerAcknowledgement.Transaction> transactions = new ArrayList<>();
        List<JsonNode> loops = all(tree.path("AK2Loop"));
        if (!loops.isEmpty()) {
            for (JsonNode loop : loops) {
                transactions.add(x12Transaction(first(loop, "AK2"), first(loop, closing), closing));
            }
        } else {
            List<JsonNode> ak2s = segments(tree, "AK2");
            List<JsonNode> closings = segments(tree, closing);
            for (int i = 0; i < ak2s.size(); i++) {
                transactions.add(x12Transaction(ak2s.get(i), i < closings.size() ? closings.get(i) : null, closing));
            }
        }
        String groupStatus = value(ak9, "AK901");
        return new PartnerAcknowledgement(EdiStandard.X12, setId, controlNumber, null, value(ak1, "AK102"),
                value(ak1, "AK101"), AcknowledgementStatus.ofX12(groupStatus), codes("AK9", ak9, 1, 5, 6, 7, 8, 9),
                transactions);
    }

    private static PartnerAcknowledgement.Transaction x12Transaction(JsonNode ak2, JsonNode closing, String closingTag) {
        return new PartnerAcknowledgement.Transaction(value(ak2, "AK201"), value(ak2, "AK202"),
                AcknowledgementStatus.ofX12(value(closing, closingTag + "01")),
                codes(closingTag, closing, 1, 2, 3, 4, 5, 6));
    }

    PartnerAcknowledgement contrl(String controlNumber, JsonNode tree) {
        JsonNode uci = first(tree, "UCI");
        JsonNode ucf = first(tree, "UCF");
        List<PartnerAcknowledgement.Transaction> transactions = new ArrayList<>();
        for (JsonNode ucm : segments(tree, "UCM")) {
            String error = value(ucm, "UCM04");
            transactions.add(new PartnerAcknowledgement.Transaction(value(ucm, "UCM02"), value(ucm, "UCM01"),
                    AcknowledgementStatus.ofEdifact(value(ucm, "UCM03"), error != null),
                    "UCM " + value(ucm, "UCM03") + (error == null ? "" : " error " + error)));
        }
        String error = value(uci, "UCI05");
        return new PartnerAcknowledgement(EdiStandard.EDIFACT, "CONTRL", controlNumber, value(uci, "UCI01"),
                value(ucf, "UCF01"), null, AcknowledgementStatus.ofEdifact(value(uci, "UCI04"), error != null),
                "UCI " + value(uci, "UCI04") + (error == null ? "" : " error " + error), transactions);
    }

    /** e.g. {@code AK5 R 5}: the tag and the values at the given positions that were sent. */
    private static String codes(String tag, JsonNode segment, int... positions) {
        StringBuilder text = new StringBuilder(tag);
        for (int position : positions) {
            String code = value(segment, tag + (position < 10 ? "0" : "") + position);
            if (code != null) {
                text.append(' ').append(code);
            }
        }
        return text.toString();
    }

    /** Every segment {@code tag} under {@code node} in file order, looking into loops. */
    private static List<JsonNode> segments(JsonNode node, String tag) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, tag, found);
        return found;
    }

    private static void collect(JsonNode node, String tag, List<JsonNode> found) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals(tag)) {
                found.addAll(all(field.getValue()));
            } else if (field.getKey().endsWith("Loop")) {
                all(field.getValue()).forEach(loop -> collect(loop, tag, found));
            }
        });
    }

    private static JsonNode first(JsonNode node, String tag) {
        List<JsonNode> found = segments(node, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<JsonNode> all(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    /** An element's value; of a composite (e.g. UCM02, S009) its first component, of a repeat its first value. */
    private static String value(JsonNode segment, String element) {
        if (segment == null) {
            return null;
        }
        JsonNode node = segment.get(element);
        while (node != null && node.isArray()) {
            node = node.isEmpty() ? null : node.get(0);
        }
        if (node != null && node.isObject()) {
            node = node.get(element + "01");
        }
        return node == null || !node.isValueNode() || node.asText().isBlank() ? null : node.asText().strip();
    }
}
