package io.interchange.edi;

import java.util.ArrayList;
import java.util.List;

/** A handler that keeps everything it is given, for assertions. */
final class Collected implements EdiHandler {

    final List<EdiTransaction> transactions = new ArrayList<>();
    final List<GroupResult> groups = new ArrayList<>();
    final List<InterchangeResult> interchanges = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();
    ReadSummary summary;

    @Override
    public void onTransaction(EdiTransaction transaction) {
        transactions.add(transaction);
    }

    @Override
    public void onGroupEnd(GroupResult group) {
        groups.add(group);
    }

    @Override
    public void onInterchangeEnd(InterchangeResult interchange) {
        interchanges.add(interchange);
    }

    @Override
    public void onNote(String note) {
        notes.add(note);
    }

    @Override
    public void onUnreadable(int ordinal, String reason) {
        unreadable.add(reason);
    }

    EdiTransaction transaction(int index) {
        return transactions.get(index);
    }
}
