package io.interchange.model;

import java.time.LocalDate;
import java.util.List;

public record OrderHeader(
        String externalOrderNumber,
        LocalDate orderDate,
        String currency,
        LocalDate requestedDeliveryDate,
        LocalDate requestedShipDate,
        String notes,
        List<Identifier> references) {
}
