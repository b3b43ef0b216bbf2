package io.interchange.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gauge per partner, tagged {@code partner}, published from a fresh count each time. A partner
 * that was counted before and is missing from the new count drops to 0 instead of keeping its last
 * value (it left the registry, or no longer qualifies).
 */
public final class PartnerGauge {

    private final MeterRegistry meters;
    private final String name;
    private final String description;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public PartnerGauge(MeterRegistry meters, String name, String description) {
        this.meters = meters;
        this.name = name;
        this.description = description;
    }

    /** Sets every partner's value; returns what is shown, the dropped partners included as 0. */
    public Map<String, Long> publish(Map<String, Long> counts) {
        Map<String, Long> shown = new HashMap<>(counts);
        values.keySet().forEach(id -> shown.putIfAbsent(id, 0L));
        shown.forEach((id, value) -> values.computeIfAbsent(id, this::register).set(value));
        return shown;
    }

    private AtomicLong register(String partnerId) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("partner", partnerId).register(meters);
        return value;
    }
}
