package io.interchange.ops.intake;

/**
 * When the intakes stop taking documents because the bus has more waiting than processing can work
 * off: above {@code maxDepth} messages they stop, and they start again only once the depth is down
 * to {@code resumeDepth}. The gap keeps them from flapping on and off around one number.
 */
public record BackpressureLevel(long maxDepth, long resumeDepth) {

    public BackpressureLevel {
        if (maxDepth < 1 || resumeDepth < 0 || resumeDepth > maxDepth) {
            throw new IllegalArgumentException("backpressure needs 0 <= resume-depth <= max-depth and max-depth >= 1, got "
                    + resumeDepth + " and " + maxDepth);
        }
    }

    /**
     * Whether the intakes hold back at {@code depth}, given whether they held back until now. A depth
     * the broker cannot tell (negative) holds nothing back: refusing every sender because a number is
     * missing would be an outage of our own making.
     */
    public boolean holdsBack(boolean heldBack, long depth) {
        if (depth < 0) {
            return false;
        }
        return heldBack ? depth > resumeDepth : depth > maxDepth;
    }
}
