package io.interchange.bench;

import java.time.Duration;

/**
 * How long a benchmark runs each subject before measuring it. On two cores the JIT compilers take
 * about a third of the CPU for the first minute of load (JFR, {@code jdk.ThreadCPULoad} of the
 * {@code C2 CompilerThread}s during an end-to-end run after a 10 s warm-up): a short warm-up measures
 * the compiler, and the baselines, with far less code to compile, warm faster than the subjects.
 * {@code -Dbench.warmup-seconds=n} (default 60) sets it for the subject; baselines get a fifth.
 */
final class WarmUp {

    private static final int DEFAULT_SECONDS = 60;

    private WarmUp() {
    }

    static Duration subject() {
        return Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", DEFAULT_SECONDS));
    }

    static Duration baseline() {
        return subject().dividedBy(5);
    }
}
