package io.interchange.model;

/**
 * A qualified identifier: one of a line's item ids ({@code BP} buyer part, {@code VP} vendor part,
 * {@code UP} UPC, {@code EN} GTIN/EAN, {@code IB} ISBN, ...) or a header reference (REF / RFF).
 *
 * @param sourceQualifier the code the partner's document used (e.g. {@code VN}, {@code SRS}), when mapped from EDI
 */
public record Identifier(String qualifier, String value, String sourceQualifier) {
}
