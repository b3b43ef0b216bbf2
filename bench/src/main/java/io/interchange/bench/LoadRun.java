package io.interchange.bench;

import java.util.Arrays;

/** What one load run measured: completed requests, failures, wall time and latencies. */
record LoadRun(String name, int completed, int failed, double seconds, long[] latenciesNanos) {

    double throughput() {
        return completed / seconds;
    }

    double percentileMillis(double percentile) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    String summary() {
        return String.format("%-28s %8d ok %5d failed %9.1f req/s   p50 %7.2f ms   p99 %7.2f ms",
                name, completed, failed, throughput(), percentileMillis(50), percentileMillis(99));
    }
}
