package io.interchange.edi;

/** Where a transaction sits: its interchange and, when there is one, its functional group. */
public record EnvelopeFacts(InterchangeHeader interchange, GroupHeader group) {

    public EdiStandard standard() {
        return interchange.standard();
    }

    public boolean hasGroup() {
        return group != null;
    }
}
