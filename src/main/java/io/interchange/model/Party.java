package io.interchange.model;

import java.util.List;

/** A party to the order; {@code role} is buyer, seller, shipTo or billTo. */
public record Party(String role, String id, String idQualifier, String name, String email, Address address) {

    public record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }
}
