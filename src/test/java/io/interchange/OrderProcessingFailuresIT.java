package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Message;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.DocumentHeaders;
import io.interchange.support.BusClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What happens to an order when the ERP, or Interchange itself, fails on the way. */
class OrderProcessingFailuresIT {

    private static final int MAX_ATTEMPTS = 3;
    /** Business keys whose processing throws right after the ERP answered, on the first delivery only. */
    private static final Set<String> CRASH_ONCE_AFTER_ERP = ConcurrentHashMap.newKeySet();
    /** Business keys whose processing always throws after the ERP answered: poison messages. */
    private static final Set<String> ALWAYS_CRASH = ConcurrentHashMap.newKeySet();

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;

    @BeforeAll
    static void start() throws Exception {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.processing.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "interchange.processing.redelivery-delay-ms", "300",
                // keep the breaker closed here; it has its own test
                "interchange.erp.breaker.minimum-calls", "1000"));
        api = interchange.http();
        AdviceWith.adviceWith(interchange.context(), "process-orders", route -> route
                .weaveByToUri("direct:outbound-erp-orders").after()
                .process(exchange -> {
                    String key = exchange.getMessage().getHeader(DocumentHeaders.BUSINESS_KEY, String.class);
                    // a failure here is retried through a copy of the order (the broker's delivery count starts
                    // again): the ERP's own record says whether this was the first call
                    boolean firstCall = CRASH_ONCE_AFTER_ERP.contains(key) && erp.answersFor(key).size() == 1;
                    if (ALWAYS_CRASH.contains(key) || firstCall) {
                        throw new IllegalStateException("injected crash after the ERP call");
                    }
                }));
    }

    @AfterEach
    void healErp() {
        erp.heal();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void erpRejectionIsFinalAndNotRetried() {
        String documentId = post("R-1", "UNKNOWN-42");

        JsonNode tracked = awaitState(api, documentId, "rejected");

        assertThat(tracked.path("reason").asText()).contains("422").contains("UNKNOWN-42");
        assertThat(erp.answersFor("rest:webshop:R-1")).containsExactly(422);
        assertThat(erp.ordersFor("R-1")).isEmpty();
        await().until(() -> interchange.queue("orders.inbound").getMessageCount() == 0);
        assertThat(interchange.queue("orders.dlq").getMessagesAdded()).isZero();
    }

    @Test
    void erpUnavailableUntilRetriesRunOutDeadLettersTheOrderWithTheReason() throws Exception {
        erp.fail(503, -1);
        String documentId = post("D-1", "WIDGET-RED");

        JsonNode tracked = awaitState(api, documentId, "dead-lettered");

        assertThat(erp.answersFor("rest:webshop:D-1")).containsExactly(503, 503, 503);
        assertThat(tracked.path("reason").asText()).contains("after 3 attempts").contains("503");
        assertThat(tracked.path("history").findValuesAsText("state"))
                .startsWith("received").endsWith("dead-lettered").contains("submitted");
        try (BusClient bus = new BusClient(interchange.property("interchange.broker.embedded.acceptor"))) {
            Message dead = bus.receive("orders.dlq", documentId);
            assertThat(dead).as("order in orders.dlq").isNotNull();
            assertThat(dead.getStringProperty("interchangeError")).contains("ErpUnavailableException").contains("503");
            assertThat(dead.getStringProperty("interchangeErrorClass")).isEqualTo("io.interchange.erp.ErpUnavailableException");
            assertThat(dead.getStringProperty("interchangeFailedRoute")).isEqualTo("process-orders");
            assertThat(dead.getStringProperty("interchangeError")).contains(erp.apiUrl() + "/sales-orders")
                    .doesNotContain(TestErp.PASSWORD);
            assertThat(dead.getIntProperty("interchangeAttempts")).isEqualTo(MAX_ATTEMPTS);
            assertThat(dead.getStringProperty("interchangeOriginalQueue")).isEqualTo("orders.inbound");
            assertThat(dead.getStringProperty("businessKey")).isEqualTo("rest:webshop:D-1");
            assertThat(dead.getBody(String.class)).contains("\"externalOrderNumber\":\"D-1\"");
        }
    }

    @Test
    void erpThatRecoversBeforeTheLastAttemptGetsTheOrderOnce() {
        erp.fail(503, 2);
        String documentId = post("T-1", "WIDGET-RED");

        JsonNode tracked = awaitState(api, documentId, "accepted");

        assertThat(erp.answersFor("rest:webshop:T-1")).containsExactly(503, 503, 201);
        assertThat(tracked.path("attempts").asInt()).isEqualTo(3);
        assertThat(tracked.path("history").findValuesAsText("detail"))
                .anySatisfy(detail -> assertThat(detail).contains("attempt 1 failed").contains("503"));
        assertThat(erp.ordersFor("T-1")).hasSize(1);
    }

    @Test
    void crashAfterTheErpCallIsRedeliveredAndTheErpHoldsOneOrder() {
        CRASH_ONCE_AFTER_ERP.add("rest:webshop:C-1");
        String documentId = post("C-1", "WIDGET-RED");

        JsonNode tracked = awaitState(api, documentId, "accepted");

        assertThat(tracked.path("attempts").asInt()).isEqualTo(2);
        // the ERP saw the post twice and booked it once: the second answer is the stored first one
        assertThat(erp.answersFor("rest:webshop:C-1")).containsExactly(201, 201);
        assertThat(erp.ordersFor("C-1")).hasSize(1);
        assertThat(tracked.path("erpOrderNumber").asText()).isEqualTo(erp.ordersFor("C-1").get(0).path("erpOrderNumber").asText());
    }

    @Test
    void poisonMessageDoesNotHoldUpTheOrdersBehindIt() {
        ALWAYS_CRASH.add("rest:webshop:P-poison");
        String poison = post("P-poison", "WIDGET-RED");
        String[] others = {post("P-1", "WIDGET-RED"), post("P-2", "GADGET-BLUE"), post("P-3", "GIZMO-XL")};

        Instant lastOtherAccepted = Instant.MIN;
        for (String other : others) {
            JsonNode tracked = awaitState(api, other, "accepted");
            Instant at = Instant.parse(tracked.path("updatedAt").asText());
            lastOtherAccepted = at.isAfter(lastOtherAccepted) ? at : lastOtherAccepted;
        }
        JsonNode dead = awaitState(api, poison, "dead-lettered");

        assertThat(Instant.parse(dead.path("updatedAt").asText())).isAfter(lastOtherAccepted);
    }

    private static String post(String externalNumber, String sku) {
        return Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", externalNumber, sku))).path("documentId").asText();
    }

}
