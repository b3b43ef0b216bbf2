package io.interchange.model;

import java.time.LocalDate;

public record OrderHeader(
        String externalOrderNumber,
        LocalDate orderDate,
        String currency,
        LocalDate requestedDeliveryDate,
        LocalDate requestedShipDate,
        String notes) {
}
