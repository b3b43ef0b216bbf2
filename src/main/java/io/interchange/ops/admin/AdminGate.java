package io.interchange.ops.admin;

import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every admin route: the caller must authenticate (HTTP Basic, 401 otherwise; 429 with
 * {@code Retry-After} while the user or address is locked by {@link AdminLogin}'s throttle) and hold
 * {@code required} (403 otherwise, and the refusal is audited). On success the user's name is the
 * exchange property {@link #ACTOR}, which later steps record in the audit log. The credentials are
 * removed from the message at once so no later step can log them.
 */
public class AdminGate implements Processor {

    /** Exchange property (not a header: callers cannot set it) with the authenticated user name. */
    public static final String ACTOR = "interchangeAdminActor";
    /** Exchange property with the authenticated {@link AdminUser}. */
    public static final String USER = "interchangeAdminUser";

    private final AdminLogin login;
    private final AdminRole required;
    private final AuditLog audit;

    public AdminGate(AdminLogin login, AdminRole required, AuditLog audit) {
        this.login = login;
        this.required = required;
        this.audit = audit;
    }

    @Override
    public void process(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeader("Authorization");
        AdminLogin.Result result = login.basic(authorization, RemoteAddress.of(exchange));
        AdminUser user = result.user().orElseThrow(() -> new LoginRefusedException(result, "The admin API"));
        if (!user.may(required)) {
            String request = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class) + " "
                    + exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
            audit.record(AuditEntry.of(user.name(), "http", "access", request,
                    "needs role " + required.apiName() + ", has " + user.role().apiName(), "denied"));
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "User '" + user.name() + "' has role " + user.role().apiName() + "; this needs role "
                            + required.apiName() + "."));
        }
        exchange.setProperty(ACTOR, user.name());
        exchange.setProperty(USER, user);
    }

    public static String actor(Exchange exchange) {
        return exchange.getProperty(ACTOR, "unknown", String.class);
    }

    public static AdminUser user(Exchange exchange) {
        return exchange.getProperty(USER, AdminUser.class);
    }
}
