package io.interchange.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;

/** Canonical orders as an internal client would post them. */
public final class Orders {

    private Orders() {
    }

    /** A valid order from {@code partnerId} with one line per SKU (quantity 2, price 10.00). */
    public static ObjectNode order(String partnerId, String externalNumber, String... skus) {
        ObjectNode order = CanonicalJson.mapper().createObjectNode();
        order.putObject("source").put("partnerId", partnerId);
        order.putObject("header")
                .put("externalOrderNumber", externalNumber)
                .put("orderDate", "2026-11-20")
                .put("currency", "USD")
                .put("requestedDeliveryDate", "2026-12-01");
        ArrayNode parties = order.putArray("parties");
        parties.addObject().put("role", "buyer").put("id", "C-42").put("name", "Ada Lovelace");
        ArrayNode lines = order.putArray("lines");
        int number = 1;
        for (String sku : skus.length == 0 ? new String[] {"WIDGET-RED"} : skus) {
            lines.addObject().put("lineNumber", number++).put("sku", sku).put("quantity", 2)
                    .put("unitOfMeasure", "EA").put("unitPrice", 10.00);
        }
        return order;
    }

    public static String json(String partnerId, String externalNumber, String... skus) {
        return order(partnerId, externalNumber, skus).toString();
    }
}
