package io.interchange.ops.admin;

import io.interchange.api.ProblemException;

/**
 * An admin login refused: 401, or 429/503 whose answer carries {@code Retry-After} (written by the
 * shared {@link io.interchange.api.ProblemResponder}).
 */
public class LoginRefusedException extends ProblemException {

    public LoginRefusedException(AdminLogin.Result refused, String door) {
        super(refused.problem(door), refused.retryAfterSeconds().orElse(0L));
    }
}
