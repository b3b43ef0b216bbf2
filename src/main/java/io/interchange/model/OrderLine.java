package io.interchange.model;

import java.math.BigDecimal;

public record OrderLine(
        int lineNumber,
        String sku,
        String gtin,
        String buyerItemId,
        String description,
        BigDecimal quantity,
        String unitOfMeasure,
        BigDecimal unitPrice) {
}
