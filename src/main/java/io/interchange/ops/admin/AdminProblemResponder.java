package io.interchange.ops.admin;

import io.interchange.api.ProblemResponder;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The admin routes' error contract: problem+json like every HTTP route, plus the
 * {@code WWW-Authenticate} challenge a 401 must carry (RFC 9110) so clients know to send Basic
 * credentials. The {@code Retry-After} of a login refused for too many failures comes with the
 * problem ({@link LoginRefusedException}).
 */
public class AdminProblemResponder implements Processor {

    private final ProblemResponder problems = new ProblemResponder();
    private final String realm;

    public AdminProblemResponder(String realm) {
        this.realm = realm;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        problems.process(exchange);
        if (exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
    }
}
