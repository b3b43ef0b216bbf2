package io.interchange.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many callers trying to take one thing at the same moment, as instances and threads of a cluster do. */
public final class Race {

    private Race() {
    }

    /** Runs {@code callers} attempts ({@code attempt} gets the caller's index) on {@code pool} at once; how many took it. */
    public static int winners(ExecutorService pool, int callers, IntFunction<Callable<Boolean>> attempt) throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            attempts.add(attempt.apply(caller));
        }
        int taken = 0;
        for (Future<Boolean> result : pool.invokeAll(attempts)) {
            taken += result.get() ? 1 : 0;
        }
        return taken;
    }
}
