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

    /**
     * An interchange of which not even the header could be read ({@code ordinal} 1 for the
     * file's first); the interchanges after it are still read.
     */
    default void onUnreadable(int ordinal, String reason) {
    }

    /** Something skipped or repaired on the way that is no error (a byte order mark, junk lines, wrapped lines). */
    default void onNote(String note) {
    }
}
