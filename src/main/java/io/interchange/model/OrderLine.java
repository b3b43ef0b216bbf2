package io.interchange.model;

import java.math.BigDecimal;
import java.util.List;

public record OrderLine(
        int lineNumber,
        String sku,
        String gtin,
        String buyerItemId,
        String description,
        BigDecimal quantity,
        String unitOfMeasure,
        BigDecimal unitPrice,
        List<Identifier> identifiers) {
}
