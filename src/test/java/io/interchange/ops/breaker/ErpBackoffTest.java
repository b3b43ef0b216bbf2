package io.interchange.ops.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate at the head of the ERP delivery, against a real resilience4j breaker moved by hand:
 * who goes on, who waits, and who stops waiting.
 */
class ErpBackoffTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static CamelContext context;

    private final CircuitBreaker breaker = CircuitBreaker.of("erp", CircuitBreakerConfig.custom()
            .permittedNumberOfCallsInHalfOpenState(2).build());
    private final AtomicBoolean timeIsUp = new AtomicBoolean();
    private final ErpBackoff backoff = new ErpBackoff(context, breaker, 2, exchange -> timeIsUp.get());
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    @AfterEach
    void stop() {
        backoff.stop();
        callers.shutdownNow();
    }

    @Test
    void whileClosedEveryoneGoesOnAtOnce() throws Exception {
        backoff.start();

        backoff.awaitErp(new DefaultExchange(context));

        assertThat(backoff.isPaused()).isFalse();
        assertThat(backoff.heldExchanges()).isZero();
    }

    @Test
    void whileOpenEveryoneWaitsHalfOpenLetsTheTrialCallsGoAndClosedTheRest() {
        backoff.start();
        breaker.transitionToOpenState();
        List<CompletableFuture<Void>> calls = IntStream.range(0, 5).mapToObj(i -> call()).toList();

        await().atMost(BOUND).until(() -> backoff.heldExchanges() == 5);
        assertThat(backoff.isPaused()).isTrue();
        assertThat(calls).noneMatch(CompletableFuture::isDone);

        breaker.transitionToHalfOpenState();
        await().atMost(BOUND).until(() -> calls.stream().filter(CompletableFuture::isDone).count() == 2);
        // the others wait for the trials' outcome, however often they look again
        await().during(Duration.ofMillis(800)).atMost(BOUND).until(() -> backoff.heldExchanges() == 3);
        assertThat(calls).filteredOn(CompletableFuture::isDone).hasSize(2);

        breaker.transitionToClosedState();
        await().atMost(BOUND).until(() -> calls.stream().allMatch(CompletableFuture::isDone));
        assertThat(calls).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(backoff.heldExchanges()).isZero();
    }

    @Test
    void aHeldExchangeWhoseTimeIsUpLeavesWithoutACall() {
        backoff.start();
        breaker.transitionToOpenState();
        CompletableFuture<Void> call = call();
        await().atMost(BOUND).until(() -> backoff.heldExchanges() == 1);

        timeIsUp.set(true);

        await().atMost(BOUND).until(call::isDone);
        assertThat(call).failsWithin(Duration.ZERO).withThrowableThat()
                .havingRootCause().isInstanceOf(ErpHoldAbandonedException.class)
                .withMessage("the ERP circuit breaker is OPEN and the document's time to wait for it is up");
        assertThat(backoff.heldExchanges()).isZero();
    }

    @Test
    void stoppingLetsHeldExchangesGoSoShutdownNeverWaitsOnTheGate() {
        backoff.start();
        breaker.transitionToForcedOpenState();
        CompletableFuture<Void> call = call();
        await().atMost(BOUND).until(() -> backoff.heldExchanges() == 1);

        backoff.stop();

        await().atMost(BOUND).until(call::isDone);
        assertThat(call).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void theDetailsFollowTheBreaker() {
        backoff.start();
        breaker.transitionToOpenState();
        call();
        await().atMost(BOUND).until(() -> backoff.heldExchanges() == 1);

        assertThat(backoff.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(backoff.details())
                .containsEntry("state", "OPEN")
                .containsEntry("consumerPaused", true)
                .containsEntry("heldExchanges", 1)
                .containsEntry("trialCalls", 2)
                .containsKeys("since", "failureRatePercent", "notPermittedCalls");

        breaker.transitionToClosedState();

        await().atMost(BOUND).until(() -> backoff.heldExchanges() == 0);
        assertThat(backoff.details()).containsEntry("state", "CLOSED").containsEntry("consumerPaused", false);
    }

    @Test
    void atLeastOneTrialCallIsLetThrough() {
        ErpBackoff none = new ErpBackoff(context, breaker, 0, exchange -> false);
        none.start();
        try {
            assertThat(none.details()).containsEntry("trialCalls", 1);
            breaker.transitionToOpenState();
            breaker.transitionToHalfOpenState();
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> awaitErp(none), callers);

            await().atMost(BOUND).until(call::isDone);
            assertThat(call).isCompleted().isNotCompletedExceptionally();
        } finally {
            none.stop();
        }
    }

    private CompletableFuture<Void> call() {
        return CompletableFuture.runAsync(() -> awaitErp(backoff), callers);
    }

    private static void awaitErp(ErpBackoff gate) {
        try {
            gate.awaitErp(new DefaultExchange(context));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
