package io.interchange.ops.intake;

import java.util.List;
import java.util.Set;

/**
 * Intakes that come and go while Interchange runs, such as the webhook sources of a registry that
 * ops edit live: asked for its channels each time the list is needed, so a source added to the
 * registry is an intake at once and a removed one is gone. Bound in the Camel registry like a
 * single {@link IntakeChannel}.
 */
public interface IntakeChannelSet {

    /** The channels as of now. */
    List<? extends IntakeChannel> channels();

    /**
     * The shared routes these channels gate. They are not intakes of their own, even when their ids
     * look like one ({@code intake-webhook-admission} is no webhook source called "admission").
     */
    Set<String> routeIds();
}
