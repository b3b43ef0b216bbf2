package io.interchange.cluster;

import java.util.Set;
import java.util.TreeSet;

/**
 * What an instance must do so that its intakes match the suspensions stored for the cluster: the
 * table is the one source of truth. Every stored suspension of an intake it runs holds here, and an
 * intake held here without a stored row is resumed. (An ops suspension writes its row before it
 * holds the intake, {@code IntakeChannels.suspend}, so no intake is ever held here ahead of its row;
 * an earlier rule that resumed only lifts seen happening missed a suspension made here and lifted
 * elsewhere between two looks.)
 */
public record SuspensionChanges(Set<String> suspend, Set<String> resume) {

    /**
     * @param now     suspensions stored now
     * @param running intakes of this instance
     * @param suspendedHere those of them suspended here now
     */
    public static SuspensionChanges between(Set<String> now, Set<String> running,
            Set<String> suspendedHere) {
        Set<String> suspend = new TreeSet<>();
        Set<String> resume = new TreeSet<>();
        for (String id : running) {
            boolean held = suspendedHere.contains(id);
            if (now.contains(id) && !held) {
                suspend.add(id);
            } else if (held && !now.contains(id)) {
                resume.add(id);
            }
        }
        return new SuspensionChanges(suspend, resume);
    }

    public boolean isEmpty() {
        return suspend.isEmpty() && resume.isEmpty();
    }
}
