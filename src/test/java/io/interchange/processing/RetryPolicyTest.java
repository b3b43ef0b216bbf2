package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMinutes(30),
            new RetrySchedule(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.2));

    @Test
    void aFirstFailureIsAnAttemptStartsTheClockAndIsRetriedAfterTheFirstDelay() {
        RetryPolicy.Verdict verdict = policy.afterFailure(RetryState.FRESH, "ERP answered HTTP 503", NOW, 0);

        assertThat(verdict.deadLetter()).isFalse();
        assertThat(verdict.next()).isEqualTo(new RetryState(1, NOW, "ERP answered HTTP 503"));
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void laterFailuresKeepTheFirstFailureTimeAndWaitLonger() {
        RetryState before = new RetryState(2, NOW.minusSeconds(10), "503");

        RetryPolicy.Verdict verdict = policy.afterFailure(before, "timeout", NOW, 0);

        assertThat(verdict.next()).isEqualTo(new RetryState(3, NOW.minusSeconds(10), "timeout"));
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theLastAttemptsFailureDeadLettersWithItsReason() {
        RetryPolicy.Verdict verdict = policy.afterFailure(new RetryState(3, NOW.minusSeconds(20), "503"), "timeout", NOW, 0);

        assertThat(verdict.deadLetter()).isTrue();
        assertThat(verdict.next().attemptsMade()).isEqualTo(4);
        assertThat(verdict.reason()).isEqualTo("timeout");
    }

    @Test
    void aFailureAfterTheMaximumAgeDeadLettersWithAttemptsLeft() {
        RetryState before = new RetryState(1, NOW.minus(Duration.ofMinutes(30)), "503");

        RetryPolicy.Verdict verdict = policy.afterFailure(before, "ERP answered HTTP 500", NOW, 0);

        assertThat(verdict.deadLetter()).isTrue();
        assertThat(verdict.next().attemptsMade()).isEqualTo(2);
        assertThat(verdict.reason()).contains("PT30M").contains("maximum age").endsWith("last failure: ERP answered HTTP 500");
    }

    @Test
    void aRefusedCallIsNoAttemptAndComesBackSoon() {
        RetryState before = new RetryState(2, NOW.minusSeconds(5), "503");

        RetryPolicy.Verdict verdict = policy.afterRefusal(before, NOW, 0);

        assertThat(verdict.deadLetter()).isFalse();
        assertThat(verdict.next()).isEqualTo(before);
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusalsNeverDeadLetterAnOrderThatNeverFailedHoweverOld() {
        assertThat(policy.afterRefusal(RetryState.FRESH, NOW.plus(Duration.ofDays(2)), 0).deadLetter()).isFalse();
        assertThat(policy.isOverdue(RetryState.FRESH, NOW.plus(Duration.ofDays(2)))).isFalse();
    }

    @Test
    void aRefusedOrderThatHasBeenFailingForTheMaximumAgeIsDeadLettered() {
        RetryState failing = new RetryState(1, NOW.minus(Duration.ofMinutes(31)), "ERP answered HTTP 503");

        RetryPolicy.Verdict verdict = policy.afterRefusal(failing, NOW, 0);

        assertThat(policy.isOverdue(failing, NOW)).isTrue();
        assertThat(verdict.deadLetter()).isTrue();
        assertThat(verdict.next().attemptsMade()).as("the refusal adds no attempt").isEqualTo(1);
        assertThat(verdict.reason()).contains("last failure: ERP answered HTTP 503");
    }

    @Test
    void anOrderJustUnderItsMaximumAgeKeepsWaiting() {
        RetryState failing = new RetryState(1, NOW.minus(Duration.ofMinutes(30)).plusMillis(1), "503");

        assertThat(policy.isOverdue(failing, NOW)).isFalse();
        assertThat(policy.afterRefusal(failing, NOW, 0).deadLetter()).isFalse();
    }

    @Test
    void aWaitIsNoAttemptStartsItsClockAndComesBackAfterTheFirstDelay() {
        RetryPolicy.Verdict verdict = policy.afterWait(RetryState.FRESH, "no EDI origin recorded yet", NOW, 0);

        assertThat(verdict.deadLetter()).isFalse();
        assertThat(verdict.next()).isEqualTo(new RetryState(0, NOW, "no EDI origin recorded yet"));
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLongerWaitComesBackAfterAsLongAgainUpToTheCap() {
        RetryState waiting = new RetryState(0, NOW.minusSeconds(7), "no EDI origin recorded yet");

        assertThat(policy.afterWait(waiting, "no EDI origin recorded yet", NOW, 0).delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.afterWait(new RetryState(0, NOW.minusSeconds(600), "x"), "x", NOW, 0).delay())
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.afterWait(waiting, "x", NOW, 0.999).delay())
                .as("jitter shortens by at most its share").isBetween(Duration.ofMillis(5_600), Duration.ofSeconds(7));
    }

    @Test
    void waitsNeverUseUpAttemptsButEndInTheDeadLetterQueueAfterTheMaximumAge() {
        RetryState waiting = new RetryState(0, NOW.minusSeconds(5), "no EDI origin recorded yet");
        for (int wait = 0; wait < 20; wait++) {
            assertThat(policy.afterWait(waiting, "no EDI origin recorded yet", NOW, 0).deadLetter()).isFalse();
        }

        RetryPolicy.Verdict verdict = policy.afterWait(new RetryState(0, NOW.minus(Duration.ofMinutes(30)), "x"),
                "no EDI origin recorded yet", NOW, 0);

        assertThat(verdict.deadLetter()).isTrue();
        assertThat(verdict.next().attemptsMade()).isZero();
        assertThat(verdict.reason()).contains("PT30M").endsWith("no EDI origin recorded yet");
    }

    @Test
    void aFailureAfterAWaitCountsAsTheFirstAttemptAndKeepsTheClock() {
        RetryState waited = policy.afterWait(RetryState.FRESH, "no origin yet", NOW.minusSeconds(40), 0).next();

        RetryPolicy.Verdict verdict = policy.afterFailure(waited, "partner SFTP server down", NOW, 0);

        assertThat(verdict.next()).isEqualTo(new RetryState(1, NOW.minusSeconds(40), "partner SFTP server down"));
    }
}
