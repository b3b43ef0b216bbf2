package io.interchange.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import io.interchange.sftp.FileClaims;

/** Two instances' file claims racing for one partner file, round after round, as instances of a cluster do. */
public final class FileClaimRace {

    private static final int CALLERS = 16;

    /** Ages a claim past the max age, as a holder that stopped renewing it leaves it. */
    public interface Orphaning {
        void age(String key) throws Exception;
    }

    private FileClaimRace() {
    }

    /**
     * {@code rounds} rounds of 16 concurrent claims of one key, half from {@code a}, half from {@code b}: a
     * new key in even rounds, an orphan in odd ones ({@code a} claims it, then {@code orphan} ages the claim
     * past the max age). Asserts that exactly one claim takes the key each round.
     */
    public static void exactlyOneWinsEachRound(FileClaims a, FileClaims b, int rounds, IntFunction<String> keys,
                                               Orphaning orphan) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = keys.apply(round);
                boolean orphaned = round % 2 == 1;
                if (orphaned) {
                    assertThat(a.add(key)).isTrue();
                    orphan.age(key);
                }
                int taken = Race.winners(pool, CALLERS, caller -> {
                    FileClaims instance = caller % 2 == 0 ? a : b;
                    return () -> instance.add(key);
                });
                assertThat(taken).as("claims of %s (%s) that took it", key, orphaned ? "an orphan" : "new").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
