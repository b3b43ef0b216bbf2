package io.interchange.tracking;

import io.interchange.model.DocumentState;

/**
 * What a document taken off the bus is, judged against the tracking store just before it would go
 * to the ERP. An admission sends the document and then commits its tracking row; a crash between
 * the two leaves a copy on the bus whose row never committed, and the sender's retry may since have
 * admitted the same business key under a new document id. Each case has one answer, and none of
 * them is a dead letter.
 */
public enum BusCopy {

    /** Its document is tracked and has no final answer yet (or was dead-lettered and replayed): to the ERP. */
    TRACKED(true),
    /**
     * No row for it and its business key is free: the admission's commit was cut off (or it came
     * from outside Interchange). It is tracked from now on and goes to the ERP, so what reached the
     * bus is never lost.
     */
    UNTRACKED(true),
    /**
     * No row for it, but its business key belongs to another document: the sender's retry after an
     * interrupted admission. Acknowledged without an ERP call; the owner's timeline records it.
     */
    SUPERSEDED(false),
    /** Its document already has the ERP's final answer: acknowledged without asking the ERP again. */
    SETTLED(false);

    private final boolean goesToErp;

    BusCopy(boolean goesToErp) {
        this.goesToErp = goesToErp;
    }

    public boolean goesToErp() {
        return goesToErp;
    }

    /**
     * @param ownState state of the row with the copy's document id, null if there is none
     * @param keyOwner document id that holds the copy's business key, null if none does
     */
    public static BusCopy of(DocumentState ownState, String keyOwner) {
        if (ownState != null) {
            return ownState.isFinal() ? SETTLED : TRACKED;
        }
        return keyOwner == null ? UNTRACKED : SUPERSEDED;
    }
}
