package io.interchange.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.interchange.api.ProblemException;
import org.junit.jupiter.api.Test;

/** Which bars an overview chart has, and which bar a moment falls into. */
class ActivityWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:07:30Z");

    @Test
    void theLastHourIsTwelveFiveMinuteBarsEndingWithTheCurrentOne() {
        ActivityWindow hour = ActivityWindow.of("hour");

        assertThat(hour.buckets()).isEqualTo(12);
        assertThat(hour.bucketSeconds()).isEqualTo(300);
        assertThat(hour.start(NOW)).isEqualTo(Instant.parse("2026-12-01T09:10:00Z"));
        assertThat(hour.indexOf(hour.start(NOW), bucketOf("2026-12-01T10:05:00Z", 300))).isEqualTo(11);
        assertThat(hour.indexOf(hour.start(NOW), bucketOf("2026-12-01T09:14:59Z", 300))).isZero();
    }

    @Test
    void theLastDayIsTwentyFourHourlyBars() {
        ActivityWindow day = ActivityWindow.of(" DAY ");

        assertThat(day.buckets()).isEqualTo(24);
        assertThat(day.start(NOW)).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(day.indexOf(day.start(NOW), bucketOf("2026-12-01T10:59:59Z", 3600))).isEqualTo(23);
    }

    @Test
    void momentsOutsideTheWindowHaveNoBar() {
        ActivityWindow hour = ActivityWindow.HOUR;
        Instant start = hour.start(NOW);

        assertThat(hour.indexOf(start, bucketOf("2026-12-01T09:09:59Z", 300))).isEqualTo(-1);
        assertThat(hour.indexOf(start, bucketOf("2026-12-01T10:10:00Z", 300))).isEqualTo(-1);
    }

    @Test
    void anUnknownWindowIsABadRequestNamingTheKnownOnes() {
        assertThatThrownBy(() -> ActivityWindow.of("week"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).isEqualTo("window is hour or day, got 'week'.");
                });
    }

    private static long bucketOf(String at, long width) {
        return Instant.parse(at).getEpochSecond() / width;
    }
}
