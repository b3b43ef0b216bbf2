package io.interchange.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths measured in turn, repetition after repetition (baseline, subject, baseline, subject, …), so a
 * change of the machine's load during the run weighs on every path alike and each subject run has
 * a baseline run beside it to be divided by.
 */
final class Alternation {

    /** One measured run of a path; {@code repetition} counts from 1, for data that must differ per run. */
    interface Measurement {
        LoadRun run(int repetition) throws Exception;
    }

    private Alternation() {
    }

    /** The runs of each path, in the order the paths are given: {@code result.get(path).get(repetition - 1)}. */
    static List<List<LoadRun>> run(int repetitions, Measurement... paths) throws Exception {
        List<List<LoadRun>> runs = new ArrayList<>();
        for (int p = 0; p < paths.length; p++) {
            runs.add(new ArrayList<>());
        }
        for (int r = 1; r <= repetitions; r++) {
            for (int p = 0; p < paths.length; p++) {
                LoadRun run = paths[p].run(r);
                System.out.println("run " + r + "  " + run.summary());
                runs.get(p).add(run);
            }
        }
        return runs;
    }
}
