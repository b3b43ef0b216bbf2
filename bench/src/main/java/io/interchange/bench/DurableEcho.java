package io.interchange.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import io.interchange.admission.DocumentAdmission;
import io.interchange.admission.DurableSend;
import io.interchange.broker.ConfirmingConnections;
import io.interchange.model.BusinessKey;
import io.interchange.support.RunningInterchange;
import io.interchange.tracking.NewDocument;
import org.apache.camel.builder.RouteBuilder;

/**
 * A bench route on the runtime's own HTTP server that does what the REST intake does on the bus and
 * nothing else: the body, as text, with the JMS properties of a document's identity, sent persistently
 * through the intake's {@link DurableSend} (the runtime's confirming connections, continuation threads
 * and timeout) to a queue of the benchmark's, then {@code 202}. No JSON, no schema, no tracking row.
 * While {@code refuse} says so it answers {@code 503} with {@code Retry-After: 1}, as the intake's
 * backpressure does.
 */
final class DurableEcho {

    private DurableEcho() {
    }

    /** Adds {@code POST /bench/<path>} to the running runtime. */
    static void add(RunningInterchange interchange, String path, String queue, BooleanSupplier refuse) throws Exception {
        DurableSend send = new DurableSend(interchange.bean("confirmingConnections", ConfirmingConnections.class).factory(),
                queue, interchange.bean("admissionContinuation", ExecutorService.class),
                Duration.ofMillis(Long.parseLong(interchange.property("interchange.admission.confirm-timeout-ms"))));
        interchange.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/bench/" + path + "?httpMethodRestrict=POST").routeId("bench-" + path)
                        .choice()
                            .when(exchange -> refuse.getAsBoolean())
                                .removeHeaders("*")
                                .setHeader("Retry-After", constant("1"))
                                .setHeader("CamelHttpResponseCode", constant(503))
                                .setBody(constant(""))
                            .otherwise()
                                .convertBodyTo(String.class)
                                .removeHeaders("*") // as the intake: only the document's identity goes on the bus
                                .process(exchange -> exchange.getMessage().setHeaders(new HashMap<>(busHeaders("rest", "bench", "DURABLE-ECHO"))))
                                .process(send)
                                .removeHeaders("*")
                                .setBody(constant(""))
                                .setHeader("CamelHttpResponseCode", constant(202))
                        .end();
            }
        });
    }

    /** The JMS properties an admission's send carries (a new order's identity), with values of their size. */
    static Map<String, Object> busHeaders(String channel, String partner, String orderNumber) {
        return DocumentAdmission.busHeaders(new NewDocument(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "order", new BusinessKey(channel, partner, orderNumber), Instant.now()));
    }
}
