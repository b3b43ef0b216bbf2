package io.interchange.ops.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackpressureLevelTest {

    private final BackpressureLevel level = new BackpressureLevel(1_000, 600);

    @Test
    void holdsBackOnlyAboveTheMaximum() {
        assertThat(level.holdsBack(false, 1_000)).isFalse();
        assertThat(level.holdsBack(false, 1_001)).isTrue();
    }

    @Test
    void onceHoldingBackKeepsDoingSoUntilTheDepthIsDownToTheResumeLevel() {
        assertThat(level.holdsBack(true, 999)).isTrue();
        assertThat(level.holdsBack(true, 601)).isTrue();
        assertThat(level.holdsBack(true, 600)).isFalse();
    }

    @Test
    void anUnknownDepthHoldsNothingBack() {
        assertThat(level.holdsBack(false, -1)).isFalse();
        assertThat(level.holdsBack(true, -1)).isFalse();
    }

    @Test
    void refusesAResumeLevelAboveTheMaximum() {
        assertThatThrownBy(() -> new BackpressureLevel(100, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackpressureLevel(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
