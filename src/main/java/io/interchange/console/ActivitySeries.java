package io.interchange.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel and partner's documents per bucket of an {@link ActivityWindow}: how many arrived
 * ({@code received}) and how many reached an outcome ({@code accepted}, {@code rejected},
 * {@code deadLettered}) in each bucket, oldest bucket first.
 */
public record ActivitySeries(String channel, String partnerId, Map<String, long[]> counts) {

    /** The measures, in the order the console draws them. */
    public static final List<String> MEASURES = List.of("received", "accepted", "rejected", "deadLettered");

    static ActivitySeries empty(String channel, String partnerId, int buckets) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        MEASURES.forEach(measure -> counts.put(measure, new long[buckets]));
        return new ActivitySeries(channel, partnerId, counts);
    }

    void add(String measure, int bucket, long count) {
        counts.get(measure)[bucket] += count;
    }

    public long total(String measure) {
        long total = 0;
        for (long count : counts.get(measure)) {
            total += count;
        }
        return total;
    }
}
