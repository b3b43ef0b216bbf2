package io.interchange.ops.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.SettableClock;
import io.interchange.api.ProblemException;
import io.interchange.api.ProblemResponder;
import io.interchange.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The intake gate's decision (suspended, overloaded, open) and the 503 answer it leads to. */
class IntakeGateTest {

    private final Map<String, Long> depths = new HashMap<>(Map.of("orders.inbound", 0L, "cancellations.inbound", 0L));
    private final AtomicInteger reads = new AtomicInteger();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final IntakePressure pressure = new IntakePressure(queue -> {
        reads.incrementAndGet();
        return depths.get(queue);
    }, List.of("orders.inbound", "cancellations.inbound"), new BackpressureLevel(100, 50), Duration.ofMillis(500), 7,
            clock);
    private final GatedIntakeChannel rest = new GatedIntakeChannel("rest", "api", "REST API",
            new IntakeChannel.CounterScope("rest", null), 60);
    private final IntakeGate gate = new IntakeGate(rest, pressure);

    @Test
    void letsRequestsInWhileTheQueuesAreShallow() {
        gate.process(null);
        assertThat(pressure.isHoldingBack()).isFalse();
    }

    @Test
    void theIntakeQueuesTogetherDecideAndTheAnswerSaysWhenToComeBack() {
        depths.put("orders.inbound", 80L);
        depths.put("cancellations.inbound", 21L);

        ProblemException refused = catchThrowableOfType(() -> gate.process(null), ProblemException.class);

        assertThat(refused.problem().status()).isEqualTo(503);
        assertThat(refused.problem().type()).endsWith("/intake-overloaded");
        assertThat(refused.problem().detail()).contains("101 documents").contains("after 7 s");
        assertThat(refused.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void theDepthIsReadOncePerIntervalNotPerRequest() {
        pressure.isHoldingBack();
        int first = reads.get();
        depths.put("orders.inbound", 500L);
        for (int i = 0; i < 100; i++) {
            gate.process(null);
        }
        assertThat(reads.get()).as("the cached reading is used within the interval").isEqualTo(first);

        clock.advance(Duration.ofMillis(501));

        assertThatThrownBy(() -> gate.process(null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void resumesByItselfOnceTheDepthIsDownToTheResumeLevel() {
        depths.put("orders.inbound", 150L);
        assertThat(pressure.isHoldingBack()).isTrue();

        depths.put("orders.inbound", 60L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(pressure.isHoldingBack()).as("between the levels: still holding back").isTrue();

        depths.put("orders.inbound", 50L);
        clock.advance(Duration.ofSeconds(1));
        gate.process(null);
        assertThat(pressure.isHoldingBack()).isFalse();
    }

    @Test
    void aSuspendedIntakeIsRefusedWithItsOwnRetryAfterWhateverTheDepth() {
        rest.suspend();

        ProblemException refused = catchThrowableOfType(() -> gate.process(null), ProblemException.class);

        assertThat(refused.problem().type()).endsWith("/intake-suspended");
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void theSftpIntakeSkipsItsPollsWhileHoldingBackAndPollsAgainAfterwards() {
        SftpIntakePressure polls = new SftpIntakePressure(pressure);
        assertThat(polls.begin(null, null)).isTrue();

        depths.put("orders.inbound", 101L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(polls.begin(null, null)).isFalse();

        depths.put("orders.inbound", 0L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(polls.begin(null, null)).isTrue();
    }

    @Test
    void oneResponderAnswersEveryRefusalWithProblemJsonAndRetryAfter() throws Exception {
        rest.suspend();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/api/v1/orders");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, catchThrowableOfType(() -> gate.process(null), ProblemException.class));

        new ProblemResponder().process(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(exchange.getMessage().getHeader("Retry-After")).isEqualTo("60");
        JsonNode body = CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(body.path("title").asText()).isEqualTo("Intake Suspended");
        assertThat(body.path("instance").asText()).isEqualTo("/api/v1/orders");
    }
}
