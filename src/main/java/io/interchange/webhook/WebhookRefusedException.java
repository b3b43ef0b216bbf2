package io.interchange.webhook;

import java.util.List;

import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.canonical.SchemaViolation;

/**
 * A webhook delivery refused for a reason the sender should know. {@code reason} is the problem's
 * slug and the {@code reason} label of the rejection metric. An unmappable delivery is also kept
 * in the webhook dead-letter queue ({@link #deadLetter()}); a rate-limited one, or one to a source
 * ops suspended, says when to retry.
 */
public class WebhookRefusedException extends ProblemException {

    private final String reason;
    private final boolean deadLetter;

    private WebhookRefusedException(int status, String reason, String title, String detail, boolean deadLetter,
            long retryAfterSeconds) {
        this(Problem.of(status, reason, title, detail), reason, deadLetter, retryAfterSeconds);
    }

    private WebhookRefusedException(Problem problem, String reason, boolean deadLetter, long retryAfterSeconds) {
        super(problem, retryAfterSeconds);
        this.reason = reason;
        this.deadLetter = deadLetter;
    }

    static WebhookRefusedException of(int status, String reason, String title, String detail) {
        return new WebhookRefusedException(status, reason, title, detail, false, 0);
    }

    static WebhookRefusedException unauthorized(String reason, String detail) {
        return of(401, reason, "Unauthorized", detail);
    }

    static WebhookRefusedException unmappable(String detail, List<SchemaViolation> violations) {
        return new WebhookRefusedException(Problem.of(422, "unmappable-payload", "Unmappable Payload", detail)
                .withErrors(violations), "unmappable-payload", true, 0);
    }

    static WebhookRefusedException rateLimited(String source, long retryAfterSeconds) {
        return new WebhookRefusedException(429, "rate-limited", "Too Many Requests",
                "Source '" + source + "' sent more deliveries than its rate limit allows; retry after "
                        + retryAfterSeconds + " s.", false, retryAfterSeconds);
    }

    /** Ops suspended the source's intake: the platform is told to come back later, as for any 503. */
    static WebhookRefusedException suspended(Problem problem, long retryAfterSeconds) {
        String type = problem.type();
        return new WebhookRefusedException(problem, type.substring(type.lastIndexOf('/') + 1), false, retryAfterSeconds);
    }

    static WebhookRefusedException unavailable(String detail) {
        return of(503, "webhooks-unavailable", "Service Unavailable", detail);
    }

    public String reason() {
        return reason;
    }

    public boolean deadLetter() {
        return deadLetter;
    }
}
