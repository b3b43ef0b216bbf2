package io.interchange.erp.sandbox;

import java.util.List;

/** The sandbox ERP's one business rule: an item is a known SKU family (by prefix) or a GTIN. */
public record ItemCatalog(List<String> prefixes) {

    public boolean knows(String item) {
        if (item == null || item.isBlank()) {
            return false;
        }
        return item.matches("[0-9]{8,14}") || prefixes.stream().anyMatch(item::startsWith);
    }
}
