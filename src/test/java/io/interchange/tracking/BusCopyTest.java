package io.interchange.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.interchange.model.DocumentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BusCopyTest {

    @ParameterizedTest
    @EnumSource(value = DocumentState.class, names = {"RECEIVED", "SUBMITTED", "DEAD_LETTERED"})
    void aTrackedDocumentWithoutFinalAnswerGoesToTheErp(DocumentState state) {
        assertThat(BusCopy.of(state, null)).isEqualTo(BusCopy.TRACKED);
        assertThat(BusCopy.TRACKED.goesToErp()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = DocumentState.class, names = {"ACCEPTED", "REJECTED"})
    void aCopyOfASettledDocumentIsAcknowledgedWithoutTheErp(DocumentState state) {
        assertThat(BusCopy.of(state, null)).isEqualTo(BusCopy.SETTLED);
        assertThat(BusCopy.SETTLED.goesToErp()).isFalse();
    }

    @Test
    void aCopyWhoseAdmissionNeverCommittedIsTrackedAndProcessedWhileItsKeyIsFree() {
        assertThat(BusCopy.of(null, null)).isEqualTo(BusCopy.UNTRACKED);
        assertThat(BusCopy.UNTRACKED.goesToErp()).isTrue();
    }

    @Test
    void aCopyWhoseKeyAnotherDocumentHoldsIsSupersededNotDeadLettered() {
        assertThat(BusCopy.of(null, "the-retry")).isEqualTo(BusCopy.SUPERSEDED);
        assertThat(BusCopy.SUPERSEDED.goesToErp()).isFalse();
    }
}
