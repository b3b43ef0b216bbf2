package io.interchange.api;

/**
 * Thrown where a request is refused; turned into a problem+json answer by {@link ProblemResponder},
 * with {@code Retry-After} when the refusal says when to come back (a suspended or overloaded intake,
 * a rate limit).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    /** @param retryAfterSeconds when the sender may try again; 0: no {@code Retry-After} */
    public ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
