package io.interchange.ops.admin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.interchange.api.Problem;
import io.interchange.security.LoginThrottle;
import io.interchange.security.LoginThrottle.Decision;
import io.interchange.security.LoginThrottle.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admin login (admin API, Jolokia, remote JMX): the credentials of an {@code Authorization}
 * header checked against {@link AdminUsers} through the {@link LoginThrottle}, so a locked user or
 * address is refused before its password is looked at and password checks run a few at a time.
 */
public final class AdminLogin {

    private static final Logger LOG = LoggerFactory.getLogger(AdminLogin.class);

    private final AdminUsers users;
    private final LoginThrottle throttle;

    public AdminLogin(AdminUsers users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    /**
     * @param user     the user when the password is right
     * @param decision why not otherwise: REJECTED (no or wrong credentials), LOCKED or BUSY
     */
    public record Result(Optional<AdminUser> user, Decision decision) {

        /** The answer to an HTTP caller who is not let in: 401, or 429/503 with {@code Retry-After}. */
        public Problem problem(String door) {
            return switch (decision.verdict()) {
                case LOCKED -> Problem.of(429, "too-many-logins", "Too Many Requests", "Too many failed logins: "
                        + decision.reason() + ". Try again in " + decision.retryAfterSeconds() + " s.");
                case BUSY -> Problem.of(503, "logins-busy", "Service Unavailable",
                        "Too many logins are being checked at once. Try again in " + decision.retryAfterSeconds() + " s.");
                default -> Problem.of(401, "unauthenticated", "Unauthorized",
                        door + " needs the credentials of an admin user (HTTP Basic).");
            };
        }

        /** Whole seconds for {@code Retry-After}, when the refusal has one. */
        public Optional<Long> retryAfterSeconds() {
            return decision.verdict() == Verdict.LOCKED || decision.verdict() == Verdict.BUSY
                    ? Optional.of(decision.retryAfterSeconds()) : Optional.empty();
        }
    }

    /** Logs in the caller of an HTTP {@code Authorization} header from {@code address} (may be null). */
    public Result basic(String authorization, String address) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            // no credentials is the client asking for the challenge, not a guess: not counted
            Decision refused = throttle.check(null, address);
            return new Result(Optional.empty(), refused.allowed()
                    ? new Decision(Verdict.REJECTED, Duration.ZERO, "no credentials") : refused);
        }
        return login(credentials.get().name(), credentials.get().password(), address);
    }

    /** Logs in {@code name} with {@code password} from {@code address} (may be null). */
    public Result login(String name, String password, String address) {
        AtomicReference<AdminUser> found = new AtomicReference<>();
        Decision decision = throttle.attempt(name, address, () -> {
            users.authenticate(name, password).ifPresent(found::set);
            return found.get() != null;
        });
        if (decision.verdict() == Verdict.LOCKED || decision.verdict() == Verdict.BUSY) {
            LOG.warn("Admin login of '{}' from {} refused unchecked: {}", name, address, decision.reason());
        } else if (!decision.allowed()) {
            LOG.warn("Admin login of '{}' from {} failed", name, address);
        }
        return new Result(Optional.ofNullable(found.get()), decision);
    }
}
