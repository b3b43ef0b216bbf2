package io.interchange.ops.reload;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the watcher acts on at one look, comparing the versions in force with the files on disk:
 * <ul>
 * <li>{@code changed}: a new version that has settled (the same checksum at the previous look, or
 * the look was asked for now) and was not refused already in exactly this version;</li>
 * <li>{@code reverted}: files back to the version in force (a refusal of theirs can be cleared);</li>
 * <li>{@code removed}: files in force that are gone; with {@code removalsSettle} only once they
 * were gone at the previous look too (a route file rewritten by delete-and-create is not a removal).</li>
 * </ul>
 *
 * @param lastSeen  checksums seen at the previous look, by file name
 * @param refused   checksums of the refused versions, by file name
 */
record FileDiff(Map<String, FileVersion> changed, List<FileVersion> reverted, Set<String> removed) {

    static FileDiff of(Map<String, FileVersion> inForce, Map<String, FileVersion> onDisk, Map<String, String> lastSeen,
            Map<String, String> refused, boolean now, boolean removalsSettle) {
        Map<String, FileVersion> changed = new TreeMap<>();
        List<FileVersion> reverted = new java.util.ArrayList<>();
        for (FileVersion file : onDisk.values()) {
            FileVersion current = inForce.get(file.name());
            if (current != null && current.checksum().equals(file.checksum())) {
                reverted.add(file);
            } else if ((now || file.checksum().equals(lastSeen.get(file.name())))
                    && !file.checksum().equals(refused.get(file.name()))) {
                changed.put(file.name(), file);
            }
        }
        Set<String> removed = new LinkedHashSet<>();
        for (String name : inForce.keySet()) {
            if (!onDisk.containsKey(name) && (!removalsSettle || now || !lastSeen.containsKey(name))) {
                removed.add(name);
            }
        }
        return new FileDiff(changed, List.copyOf(reverted), removed);
    }
}
