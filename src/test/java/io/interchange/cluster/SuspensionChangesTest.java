package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** How an instance's intakes follow the suspensions stored by any instance. */
class SuspensionChangesTest {

    private static final Set<String> RUNNING = Set.of("rest", "sftp-acme", "webhook-shop");

    @Test
    void aSuspensionStoredElsewhereSuspendsTheIntakeHere() {
        SuspensionChanges changes = SuspensionChanges.between(Set.of("sftp-acme"), RUNNING, Set.of());

        assertThat(changes.suspend()).containsExactly("sftp-acme");
        assertThat(changes.resume()).isEmpty();
    }

    @Test
    void aLiftedSuspensionResumesTheIntakeHere() {
        SuspensionChanges changes = SuspensionChanges.between(Set.of(), RUNNING, Set.of("sftp-acme"));

        assertThat(changes.resume()).containsExactly("sftp-acme");
        assertThat(changes.suspend()).isEmpty();
    }

    @Test
    void anIntakeSuspendedHereAndLiftedElsewhereBeforeTheNextLookIsResumed() {
        // suspended through this instance's API, resumed on another before this one looked again
        SuspensionChanges changes = SuspensionChanges.between(Set.of(), RUNNING, Set.of("rest"));

        assertThat(changes.resume()).containsExactly("rest");
        assertThat(changes.suspend()).isEmpty();
    }

    @Test
    void matchingStateChangesNothingAndUnknownIntakesAreIgnored() {
        SuspensionChanges changes = SuspensionChanges.between(
                Set.of("webhook-shop", "sftp-gone"), RUNNING, Set.of("webhook-shop"));

        assertThat(changes.isEmpty()).as("sftp-gone does not run here").isTrue();
    }

    @Test
    void anIntakeResumedLocallyButStillStoredIsSuspendedAgain() {
        SuspensionChanges changes = SuspensionChanges.between(Set.of("rest"), RUNNING, Set.of());

        assertThat(changes.suspend()).containsExactly("rest");
    }
}
