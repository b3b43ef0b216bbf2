package io.interchange.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PartnerGaugeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PartnerGauge gauge = new PartnerGauge(meters, "interchange.test.overdue", "test");

    @Test
    void eachPartnerGetsItsOwnTaggedValue() {
        gauge.publish(Map.of("acme", 3L, "globex-eu", 0L));

        assertThat(value("acme")).isEqualTo(3.0);
        assertThat(value("globex-eu")).isEqualTo(0.0);
    }

    @Test
    void aPartnerMissingFromTheNextCountDropsToZeroInsteadOfKeepingItsLastValue() {
        gauge.publish(Map.of("acme", 3L, "initech", 2L));

        Map<String, Long> shown = gauge.publish(Map.of("acme", 1L));

        assertThat(shown).containsExactlyInAnyOrderEntriesOf(Map.of("acme", 1L, "initech", 0L));
        assertThat(value("acme")).isEqualTo(1.0);
        assertThat(value("initech")).isEqualTo(0.0);
    }

    private double value(String partner) {
        return meters.get("interchange.test.overdue").tag("partner", partner).gauge().value();
    }
}
