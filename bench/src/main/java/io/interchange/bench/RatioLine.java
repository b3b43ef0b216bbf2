package io.interchange.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one machine-readable line a benchmark prints per path, which {@code ./bench/run all} collects:
 * {@code ratio <path> <median> (subject <x>/s, baseline <y>/s, load <l>)}. The ratio is the median of
 * the repetitions' own ratios (each subject run against the baseline run beside it), the rates the
 * medians of their runs, and the load the machine's 1-minute load average when the line is printed,
 * because on a shared machine that is what moves the figures most.
 */
record RatioLine(String path, double[] subject, double[] baseline) {

    RatioLine {
        if (subject.length == 0 || subject.length != baseline.length) {
            throw new IllegalArgumentException(path + ": " + subject.length + " subject runs against "
                    + baseline.length + " baseline runs");
        }
    }

    /** From load runs paired by repetition: requests per second of each. */
    static RatioLine of(String path, List<LoadRun> subject, List<LoadRun> baseline) {
        return new RatioLine(path, subject.stream().mapToDouble(LoadRun::throughput).toArray(),
                baseline.stream().mapToDouble(LoadRun::throughput).toArray());
    }

    double ratio() {
        double[] ratios = new double[subject.length];
        for (int i = 0; i < subject.length; i++) {
            ratios[i] = subject[i] / baseline[i];
        }
        return median(ratios);
    }

    String text() {
        return String.format(Locale.ROOT, "ratio %s %.4f (subject %.1f/s, baseline %.1f/s, load %.2f)",
                path, ratio(), median(subject), median(baseline), loadAverage());
    }

    void print() {
        System.out.println(text());
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The first field of /proc/loadavg; where there is none, what the JVM reports (the same figure on Linux). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
