package io.interchange.erp.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;

/**
 * What the ERP sandbox is told to do wrong: answer {@code status} for the next {@code times}
 * calls (-1: until cleared), and/or wait {@code delayMs} before answering. With {@code keyContains}
 * only calls whose Idempotency-Key contains it fail: "poison" orders that fail whatever happens
 * while the others are booked.
 */
final class Faults {

    static final Faults NONE = new Faults(0, 0, 0, "");

    private final int status;
    private final AtomicInteger remaining;
    private final long delayMs;
    private final String keyContains;

    private Faults(int status, int times, long delayMs, String keyContains) {
        this.status = status;
        this.remaining = new AtomicInteger(times);
        this.delayMs = delayMs;
        this.keyContains = keyContains;
    }

    static Faults fromJson(JsonNode json) {
        int status = json.path("status").asInt(0);
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be 4xx or 5xx");
        }
        int times = json.path("times").asInt(status == 0 ? 0 : -1);
        return new Faults(status, times, Math.max(0, json.path("delayMs").asLong(0)), json.path("keyContains").asText(""));
    }

    int status() {
        return status;
    }

    long delayMs() {
        return delayMs;
    }

    /** True when this call (for {@code key}) should fail; counts down a limited number of failures. */
    boolean takeFailure(String key, ErpSandbox sandbox) {
        if (status == 0 || !key.contains(keyContains)) {
            return false;
        }
        if (remaining.get() < 0) {
            return true;
        }
        int left = remaining.getAndDecrement();
        if (left <= 1) {
            sandbox.clearFaultsIf(this);
        }
        return left > 0;
    }

    ObjectNode toJson() {
        return CanonicalJson.mapper().createObjectNode()
                .put("status", status)
                .put("times", remaining.get())
                .put("delayMs", delayMs)
                .put("keyContains", keyContains);
    }
}
