package io.interchange.ops.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which files the watcher acts on at a look: settled changes, reverts, removals. */
class FileDiffTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void aFileAsInForceIsNoChangeButMayClearARefusal() {
        FileDiff diff = FileDiff.of(files(v("routes/a.yaml", "1")), files(v("routes/a.yaml", "1")), Map.of("routes/a.yaml", "1"),
                NONE, false, true);

        assertThat(diff.changed()).isEmpty();
        assertThat(diff.reverted()).extracting(FileVersion::name).containsExactly("routes/a.yaml");
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void aNewVersionIsActedOnOnlyOnceItLookedTheSameTwice() {
        Map<String, FileVersion> inForce = files(v("routes/a.yaml", "1"));
        Map<String, FileVersion> onDisk = files(v("routes/a.yaml", "2"));

        assertThat(FileDiff.of(inForce, onDisk, Map.of("routes/a.yaml", "1"), NONE, false, true).changed())
                .as("still being written, perhaps").isEmpty();
        assertThat(FileDiff.of(inForce, onDisk, Map.of("routes/a.yaml", "2"), NONE, false, true).changed())
                .containsOnlyKeys("routes/a.yaml");
        assertThat(FileDiff.of(inForce, onDisk, Map.of("routes/a.yaml", "1"), NONE, true, true).changed())
                .as("a look asked for now does not wait").containsOnlyKeys("routes/a.yaml");
    }

    @Test
    void aNewFileSettlesLikeAChangedOne() {
        Map<String, FileVersion> onDisk = files(v("mappings/new.jslt", "1"));

        assertThat(FileDiff.of(Map.of(), onDisk, NONE, NONE, false, false).changed()).isEmpty();
        assertThat(FileDiff.of(Map.of(), onDisk, Map.of("mappings/new.jslt", "1"), NONE, false, false).changed())
                .containsOnlyKeys("mappings/new.jslt");
    }

    @Test
    void aRefusedVersionIsNotLookedAtAgainUntilTheFileChangesAgain() {
        Map<String, FileVersion> inForce = files(v("routes/a.yaml", "1"));
        Map<String, String> refused = Map.of("routes/a.yaml", "2");

        assertThat(FileDiff.of(inForce, files(v("routes/a.yaml", "2")), Map.of("routes/a.yaml", "2"), refused, false, true)
                .changed()).isEmpty();
        assertThat(FileDiff.of(inForce, files(v("routes/a.yaml", "2")), Map.of("routes/a.yaml", "2"), refused, true, true)
                .changed()).as("not even when asked now").isEmpty();
        assertThat(FileDiff.of(inForce, files(v("routes/a.yaml", "3")), Map.of("routes/a.yaml", "3"), refused, false, true)
                .changed()).containsOnlyKeys("routes/a.yaml");
    }

    @Test
    void aGoneMappingIsRemovedAtOnceAndAGoneRouteFileOnlyWhenItStaysGone() {
        Map<String, FileVersion> inForce = files(v("x/gone", "1"));
        Map<String, String> seenLastTime = Map.of("x/gone", "1");

        assertThat(FileDiff.of(inForce, Map.of(), seenLastTime, NONE, false, false).removed()).containsExactly("x/gone");
        assertThat(FileDiff.of(inForce, Map.of(), seenLastTime, NONE, false, true).removed())
                .as("an editor may delete and create it again").isEmpty();
        assertThat(FileDiff.of(inForce, Map.of(), NONE, NONE, false, true).removed()).containsExactly("x/gone");
        assertThat(FileDiff.of(inForce, Map.of(), seenLastTime, NONE, true, true).removed()).containsExactly("x/gone");
    }

    private static FileVersion v(String name, String checksum) {
        return new FileVersion(name, Path.of("/srv").resolve(name), checksum, new byte[0]);
    }

    private static Map<String, FileVersion> files(FileVersion... versions) {
        Map<String, FileVersion> files = new java.util.TreeMap<>();
        for (FileVersion version : versions) {
            files.put(version.name(), version);
        }
        return files;
    }
}
