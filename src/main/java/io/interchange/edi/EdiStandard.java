package io.interchange.edi;

/** The EDI syntax families Interchange reads and writes. */
public enum EdiStandard {
    X12,
    EDIFACT
}
