package io.interchange.ops.intake;

/**
 * An entry through which documents come in and that ops can suspend: the REST API, one SFTP partner,
 * one webhook source. While suspended it takes no new documents (its senders are told to come back
 * later, or their files wait in their folder); what is already on the bus keeps flowing.
 *
 * <p>An intake makes itself manageable by binding an implementation in the Camel registry:
 * {@link RouteIntakeChannel} when suspending its Camel route(s) is enough (one route per partner),
 * {@link GatedIntakeChannel} when one route serves many senders and a step of that route asks the
 * gate, an {@link IntakeChannelSet} when those senders come and go at runtime (webhook sources).
 * Routes named {@code intake-sftp-<partner>} and {@code intake-webhook-<source>} that no channel
 * claims are picked up as route channels without any code.
 */
public interface IntakeChannel {

    /** Stable, unique, URL-safe: {@code rest}, {@code sftp-acme}, {@code webhook-shop}. */
    String id();

    /** {@code api}, {@code partner} or {@code source}. */
    String kind();

    String description();

    /** The documents this channel admits, for its counters: the tracking channel, and partner or null for all. */
    CounterScope scope();

    boolean isSuspended();

    void suspend() throws Exception;

    void resume() throws Exception;

    /** Which tracked documents belong to a channel: {@code channel} ({@code rest}, {@code edi}, {@code webhook}) and partner. */
    record CounterScope(String channel, String partnerId) {
    }
}
