package io.interchange.model;

/**
 * What makes a business document unique across retries and redeliveries: the channel it came in
 * on, the partner that sent it and the partner's own number for it. Used for intake
 * deduplication and as the ERP's {@code Idempotency-Key}.
 */
public record BusinessKey(String channel, String partnerId, String externalNumber) {

    public static BusinessKey parse(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a business key: " + value);
        }
        return new BusinessKey(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return channel + ":" + partnerId + ":" + externalNumber;
    }
}
