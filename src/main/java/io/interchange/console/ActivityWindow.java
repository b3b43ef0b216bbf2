package io.interchange.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.interchange.ops.admin.AdminRequest;

/**
 * The span an overview chart covers and the width of one bar: the last hour in 5-minute buckets or
 * the last day in hourly ones. Buckets are aligned to their width (a bar is 10:05–10:10, not a
 * sliding 5 minutes), so two instances, or two polls a second apart, draw the same bars.
 */
public enum ActivityWindow {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(5)),
    DAY(Duration.ofDays(1), Duration.ofHours(1));

    private final Duration span;
    private final Duration bucket;

    ActivityWindow(Duration span, Duration bucket) {
        this.span = span;
        this.bucket = bucket;
    }

    /** {@code hour} or {@code day}; anything else is a 400 naming both. */
    public static ActivityWindow of(String name) {
        for (ActivityWindow window : values()) {
            if (window.apiName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return window;
            }
        }
        throw AdminRequest.badRequest("window is hour or day, got '" + name + "'.");
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public long bucketSeconds() {
        return bucket.toSeconds();
    }

    public int buckets() {
        return (int) (span.toSeconds() / bucket.toSeconds());
    }

    /** The start of the first bucket: the current bucket is the last one and includes {@code now}. */
    public Instant start(Instant now) {
        long width = bucketSeconds();
        long currentStart = Math.floorDiv(now.getEpochSecond(), width) * width;
        return Instant.ofEpochSecond(currentStart - (buckets() - 1) * width);
    }

    /** The bucket index of {@code at} in the window starting at {@code start}, or -1 outside it. */
    public int indexOf(Instant start, long epochBucket) {
        long index = epochBucket - start.getEpochSecond() / bucketSeconds();
        return index < 0 || index >= buckets() ? -1 : (int) index;
    }
}
