package io.interchange.ops.admin;

import java.util.Optional;

import io.interchange.api.ProblemException;

/** An admin login refused: 401, or 429/503 whose answer carries {@code Retry-After}. */
public class LoginRefusedException extends ProblemException {

    private final transient Optional<Long> retryAfterSeconds;

    public LoginRefusedException(AdminLogin.Result refused, String door) {
        super(refused.problem(door));
        this.retryAfterSeconds = refused.retryAfterSeconds();
    }

    public Optional<Long> retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
