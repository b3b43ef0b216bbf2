package io.interchange.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.interchange.support.SettableClock;
import io.interchange.security.LoginThrottle.Decision;
import io.interchange.security.LoginThrottle.Settings;
import io.interchange.security.LoginThrottle.Verdict;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Settings settings = new Settings(3, 5, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMinutes(15), 1, 100);
    private final LoginThrottle throttle = new LoginThrottle(settings, clock);

    @Test
    void userIsLockedAfterThresholdAndFreedWhenTheLockoutEnds() {
        fail("alice", "10.0.0.1", 2);
        assertThat(throttle.check("alice", "10.0.0.1").verdict()).isEqualTo(Verdict.ALLOW);
        throttle.failed("alice", "10.0.0.1");

        Decision locked = throttle.check("alice", "10.0.0.2");
        assertThat(locked.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(locked.retryAfterSeconds()).isEqualTo(10);
        assertThat(locked.reason()).contains("user 'alice'").doesNotContain("10.0.0");
        assertThat(throttle.check("bob", "10.0.0.1").verdict()).as("other users from that address")
                .isEqualTo(Verdict.ALLOW);

        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.check("alice", "10.0.0.1").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void eachFailureBeyondTheThresholdDoublesTheLockoutUpToTheCeiling() {
        fail("alice", null, 3);
        assertThat(throttle.check("alice", null).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        for (long expected : new long[] {20, 40, 60, 60}) {
            clock.advance(throttle.check("alice", null).retryAfter());
            throttle.failed("alice", null);
            assertThat(throttle.check("alice", null).retryAfter()).isEqualTo(Duration.ofSeconds(expected));
        }
    }

    @Test
    void addressIsLockedAcrossUserNamesAtItsOwnThreshold() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        Decision decision = throttle.check("someone-else", "10.0.0.9");
        assertThat(decision.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(decision.reason()).contains("address 10.0.0.9");
        assertThat(throttle.check("someone-else", "10.0.0.8").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void successClearsTheUserCountButNotTheAddressCount() {
        fail("alice", "10.0.0.1", 2);
        fail("mallory", "10.0.0.1", 2);
        throttle.succeeded("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.check("alice", "10.0.0.7").verdict()).as("alice starts again at 1").isEqualTo(Verdict.ALLOW);
        assertThat(throttle.check("carol", "10.0.0.1").verdict()).as("the address has 5 failures")
                .isEqualTo(Verdict.LOCKED);
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        fail("alice", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(15));
        fail("alice", "10.0.0.1", 2);
        assertThat(throttle.check("alice", "10.0.0.1").verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void attemptRecordsTheOutcomeAndDoesNotCheckThePasswordWhenLocked() {
        assertThat(throttle.attempt("alice", "10.0.0.1", () -> true).verdict()).isEqualTo(Verdict.GRANTED);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("alice", "10.0.0.1", () -> false).verdict()).isEqualTo(Verdict.REJECTED);
        }
        boolean[] checked = {false};
        Decision decision = throttle.attempt("alice", "10.0.0.1", () -> checked[0] = true);
        assertThat(decision.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(decision.allowed()).isFalse();
        assertThat(checked[0]).isFalse();
    }

    @Test
    void checksBeyondTheConcurrencyLimitAreRefusedAsBusy() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Decision> slow = pool.submit(() -> throttle.attempt("alice", "10.0.0.1", () -> {
                inside.countDown();
                await(release);
                return true;
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            Decision busy = throttle.attempt("bob", "10.0.0.2", () -> true);
            assertThat(busy.verdict()).isEqualTo(Verdict.BUSY);
            assertThat(busy.retryAfterSeconds()).isEqualTo(1);
            assertThat(throttle.check("bob", "10.0.0.2").verdict()).as("busy is no failure").isEqualTo(Verdict.ALLOW);

            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.GRANTED);
            assertThat(throttle.attempt("bob", "10.0.0.2", () -> true).verdict()).isEqualTo(Verdict.GRANTED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void madeUpNamesCannotGrowTheTablesBeyondTheBound() {
        LoginThrottle small = new LoginThrottle(new Settings(1, 1000, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMinutes(1), 1, 10), clock);
        for (int i = 0; i < 50; i++) {
            small.failed("name" + i, null);
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(small.check("name49", null).verdict()).as("the newest is kept").isEqualTo(Verdict.LOCKED);
        long stillLocked = java.util.stream.IntStream.range(0, 50)
                .filter(i -> small.check("name" + i, null).verdict() == Verdict.LOCKED).count();
        assertThat(stillLocked).isLessThanOrEqualTo(10);
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
