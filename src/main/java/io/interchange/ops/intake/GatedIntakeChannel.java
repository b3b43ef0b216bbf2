package io.interchange.ops.intake;

import io.interchange.api.Problem;
import io.interchange.api.ProblemException;

/**
 * An intake that shares its route with others (one webhook route for many sources): suspension is a
 * flag that the route's own gate step checks with {@link #admit()}, answering 503 problem+json with
 * {@code Retry-After} so the sender retries later.
 */
public class GatedIntakeChannel implements IntakeChannel {

    private final String id;
    private final String kind;
    private final String description;
    private final CounterScope scope;
    private final long retryAfterSeconds;
    private volatile boolean suspended;

    public GatedIntakeChannel(String id, String kind, String description, CounterScope scope, long retryAfterSeconds) {
        this.id = id;
        this.kind = kind;
        this.description = description;
        this.scope = scope;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Call before taking a document in. */
    public void admit() {
        if (suspended) {
            throw new ProblemException(Problem.of(503, "intake-suspended", "Intake Suspended",
                    "Intake '" + id + "' is suspended by operations; send the document again later."), retryAfterSeconds);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public CounterScope scope() {
        return scope;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void suspend() {
        suspended = true;
    }

    @Override
    public void resume() {
        suspended = false;
    }
}
