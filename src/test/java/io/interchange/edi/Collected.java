package io.interchange.edi;

import java.util.ArrayList;
import java.util.List;

/** A handler that keeps everything it is given, for assertions. */
final class Collected implements EdiHandler {

    final List<EdiTransaction> transactions = new ArrayList<>();
    final List<GroupResult> groups = new ArrayList<>();
    final List<InterchangeResult> interchanges = new ArrayList<>();
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

    EdiTransaction transaction(int index) {
        return transactions.get(index);
    }
}
