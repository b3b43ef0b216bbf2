package io.interchange.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.support.Orders;
import org.junit.jupiter.api.Test;

/** When two orders under one business key are the same document, and when they are not. */
class ContentFingerprintTest {

    @Test
    void idsAssignedPerAttemptDoNotCount() throws Exception {
        Order first = order(Orders.order("webshop", "F-1")).withIdentity("id-1", "corr-1", "rest");
        Order retry = order(Orders.order("webshop", "F-1")).withIdentity("id-2", "corr-2", "rest");

        assertThat(ContentFingerprint.of(retry)).isEqualTo(ContentFingerprint.of(first)).hasSize(64);
    }

    @Test
    void numbersCountByValueAndMembersByName() throws Exception {
        ObjectNode written = Orders.order("webshop", "F-2");
        ObjectNode rewritten = (ObjectNode) CanonicalJson.mapper().readTree(written.toString()
                .replace("\"unitPrice\":10.0", "\"unitPrice\":10.000").replace("\"quantity\":2", "\"quantity\":2.0"));
        reorder((ObjectNode) rewritten.path("header"));

        assertThat(rewritten.toString()).contains("10.000").isNotEqualTo(written.toString());
        assertThat(ContentFingerprint.of(order(rewritten))).isEqualTo(ContentFingerprint.of(order(written)));
    }

    @Test
    void anyChangeOfContentCounts() throws Exception {
        String original = ContentFingerprint.of(order(Orders.order("webshop", "F-3", "WIDGET-RED", "GADGET-BLUE")));

        ObjectNode otherCurrency = Orders.order("webshop", "F-3", "WIDGET-RED", "GADGET-BLUE");
        ((ObjectNode) otherCurrency.path("header")).put("currency", "EUR");
        ObjectNode otherQuantity = Orders.order("webshop", "F-3", "WIDGET-RED", "GADGET-BLUE");
        ((ObjectNode) otherQuantity.path("lines").get(1)).put("quantity", 3);
        ObjectNode linesSwapped = Orders.order("webshop", "F-3", "GADGET-BLUE", "WIDGET-RED");
        ObjectNode withNotes = Orders.order("webshop", "F-3", "WIDGET-RED", "GADGET-BLUE");
        ((ObjectNode) withNotes.path("header")).put("notes", "leave at the door");

        assertThat(ContentFingerprint.of(order(otherCurrency))).isNotEqualTo(original);
        assertThat(ContentFingerprint.of(order(otherQuantity))).isNotEqualTo(original);
        assertThat(ContentFingerprint.of(order(linesSwapped))).isNotEqualTo(original);
        assertThat(ContentFingerprint.of(order(withNotes))).isNotEqualTo(original);
    }

    @Test
    void cancellationsHaveFingerprintsToo() {
        OrderCancellation first = new OrderCancellation("id-1", "c-1", new Source("webhook", "shop", "shopify"), "1042", null, "customer");
        OrderCancellation again = new OrderCancellation("id-2", "c-2", new Source("webhook", "shop", "shopify"), "1042", null, "customer");
        OrderCancellation otherReason = new OrderCancellation("id-3", "c-3", new Source("webhook", "shop", "shopify"), "1042", null, "fraud");

        assertThat(ContentFingerprint.of(again)).isEqualTo(ContentFingerprint.of(first));
        assertThat(ContentFingerprint.of(otherReason)).isNotEqualTo(ContentFingerprint.of(first));
    }

    private static Order order(ObjectNode json) throws Exception {
        return CanonicalJson.mapper().treeToValue(json, Order.class);
    }

    /** The same members, in reverse order. */
    private static void reorder(ObjectNode node) {
        ArrayNode names = CanonicalJson.mapper().createArrayNode();
        node.fieldNames().forEachRemaining(names::add);
        ObjectNode copy = node.deepCopy();
        node.removeAll();
        for (int i = names.size() - 1; i >= 0; i--) {
            node.set(names.get(i).asText(), copy.get(names.get(i).asText()));
        }
    }
}
