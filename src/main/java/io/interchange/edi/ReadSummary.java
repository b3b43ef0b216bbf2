package io.interchange.edi;

/** Counts of what one {@code read} call went through. */
public record ReadSummary(EdiStandard standard, int interchanges, int groups, long transactions) {
}
