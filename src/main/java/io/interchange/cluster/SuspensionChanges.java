package io.interchange.cluster;

import java.util.Set;
import java.util.TreeSet;

/**
 * What an instance must do so that its intakes match the suspensions stored for the cluster: suspend
 * every stored one it still runs, and resume the ones whose suspension was lifted since it last
 * looked. Only a lift it saw happen resumes an intake: a channel suspended here whose row is not
 * written yet (the suspending call is between its two steps) is left alone.
 */
public record SuspensionChanges(Set<String> suspend, Set<String> resume) {

    /**
     * @param before  suspensions stored at the previous look
     * @param now     suspensions stored now
     * @param running intakes of this instance
     * @param suspendedHere those of them suspended here now
     */
    public static SuspensionChanges between(Set<String> before, Set<String> now, Set<String> running,
            Set<String> suspendedHere) {
        Set<String> suspend = new TreeSet<>();
        Set<String> resume = new TreeSet<>();
        for (String id : running) {
            boolean held = suspendedHere.contains(id);
            if (now.contains(id) && !held) {
                suspend.add(id);
            } else if (held && before.contains(id) && !now.contains(id)) {
                resume.add(id);
            }
        }
        return new SuspensionChanges(suspend, resume);
    }

    public boolean isEmpty() {
        return suspend.isEmpty() && resume.isEmpty();
    }
}
