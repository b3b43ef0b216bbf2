package io.interchange.edi;

/**
 * Receives a file's content as {@link EdiInterchangeReader} streams through it: each transaction
 * as soon as its trailer is read, then each group's and each interchange's result. Exceptions
 * thrown here stop the reading and reach the caller of {@code read}.
 */
public interface EdiHandler {

    void onTransaction(EdiTransaction transaction);

    default void onGroupEnd(GroupResult group) {
    }

    default void onInterchangeEnd(InterchangeResult interchange) {
    }
}
