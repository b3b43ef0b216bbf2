package io.interchange.api;

/** Thrown where bad input is detected; turned into a problem+json answer by {@link ProblemResponder}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
