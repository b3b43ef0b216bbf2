package io.interchange.api;

import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an HTTP caller whose request failed: a {@link ProblemException} becomes its own status
 * and problem+json body (and {@code Retry-After} when it says when to come back: one answer for every
 * 503 and 429 of every HTTP intake); anything else is a 500 whose body says no more than that, while the log
 * keeps the stack trace.
 */
public class ProblemResponder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        Problem problem;
        long retryAfterSeconds = 0;
        if (cause instanceof ProblemException rejected) {
            problem = rejected.problem();
            retryAfterSeconds = rejected.retryAfterSeconds();
            LOG.info("Refused {} with {}: {}", path, problem.status(), problem.detail());
        } else {
            LOG.error("Request to {} failed", path, cause);
            problem = Problem.of(500, "internal-error", "Internal Server Error",
                    "The request could not be completed; nothing was accepted. Try again later.");
        }
        write(exchange, problem.withInstance(path));
        if (retryAfterSeconds > 0) {
            exchange.getMessage().setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    static void write(Exchange exchange, Problem problem) throws Exception {
        String correlationId = exchange.getMessage().getHeader(DocumentHeaders.CORRELATION_ID, String.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (correlationId != null) {
            exchange.getMessage().setHeader(DocumentHeaders.HTTP_CORRELATION_ID, correlationId);
        }
        exchange.getMessage().setBody(CanonicalJson.mapper().writeValueAsString(problem));
    }
}
