package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.2);

    @Test
    void withoutJitterTheDelayDoublesUpToTheCap() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 20).stream().map(n -> schedule.delayAfter(n, 0).toMillis()).toList())
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    }

    @Test
    void jitterOnlyShortensADelayAndByAtMostItsShare() {
        assertThat(schedule.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1_000));
        assertThat(schedule.delayAfter(4, 0.999)).isBetween(Duration.ofMillis(6_400), Duration.ofMillis(8_000));
        assertThat(schedule.delayAfter(4, 0.5)).isEqualTo(Duration.ofMillis(7_200));
    }

    @Test
    void delaysOfAnOrderNeverShrinkWhateverTheDraws() {
        Random random = new Random(42);
        for (int order = 0; order < 1_000; order++) {
            List<Long> delays = new ArrayList<>();
            for (int attempt = 1; attempt <= 12; attempt++) {
                delays.add(schedule.delayAfter(attempt, random.nextDouble()).toMillis());
            }
            assertThat(delays).isSorted();
            assertThat(delays.get(11)).isEqualTo(60_000L);
        }
    }

    @Test
    void aJitterWiderThanTheGrowthIsNarrowedSoDelaysStillNeverShrink() {
        RetrySchedule wide = new RetrySchedule(Duration.ofMillis(100), 1.5, Duration.ofSeconds(5), 0.9);

        assertThat(wide.delayAfter(3, 0.999)).isGreaterThanOrEqualTo(wide.delayAfter(2, 0));
        assertThat(wide.delayAfter(1, 0.999).toMillis()).isBetween(10L, 100L);
    }

    @Test
    void refusesSettingsThatCannotMakeABackoff() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 2, Duration.ofSeconds(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10), 0.2))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 1.0))
                .hasMessageContaining("jitter");
    }
}
