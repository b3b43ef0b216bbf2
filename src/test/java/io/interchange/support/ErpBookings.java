package io.interchange.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** How often the ERP booked each external order number: what a kill test counts as lost or doubled. */
public final class ErpBookings {

    private final Map<String, Integer> byReference = new HashMap<>();

    private ErpBookings() {
    }

    public static ErpBookings of(TestErp erp) {
        ErpBookings bookings = new ErpBookings();
        erp.allOrders().forEach(order -> bookings.byReference.merge(order.path("customerReference").asText(), 1, Integer::sum));
        return bookings;
    }

    /** Orders numbered {@code 0..count-1} (by {@code number}) with no booking. */
    public int lost(int count, IntFunction<String> number) {
        return missing(count, number).size();
    }

    /** The numbers of the orders {@code 0..count-1} with no booking. */
    public List<String> missing(int count, IntFunction<String> number) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String reference = number.apply(i);
            if (!byReference.containsKey(reference)) {
                missing.add(reference);
            }
        }
        return missing;
    }

    /** Orders numbered {@code 0..count-1} booked more than once. */
    public int duplicated(int count, IntFunction<String> number) {
        int duplicated = 0;
        for (int i = 0; i < count; i++) {
            duplicated += byReference.getOrDefault(number.apply(i), 0) > 1 ? 1 : 0;
        }
        return duplicated;
    }

    /** Distinct order numbers booked. */
    public int distinct() {
        return byReference.size();
    }
}
