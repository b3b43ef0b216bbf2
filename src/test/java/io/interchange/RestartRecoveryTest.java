package io.interchange;

import static io.interchange.OrderApiTest.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A restart loses nothing: what was on the bus is processed after it, tracking survives it. */
class RestartRecoveryTest {

    private static TestErp erp;
    private static RunningInterchange interchange;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of());
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void ordersQueuedBeforeARestartAreAllProcessedAfterIt() throws Exception {
        // nothing consumes the queue, as if the runtime died right after taking the orders
        interchange.context().getRouteController().stopRoute("process-orders");
        List<String> documentIds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            documentIds.add(Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "RS-" + i)))
                    .path("documentId").asText());
        }
        assertThat(interchange.queue("orders.inbound").getMessageCount()).isEqualTo(5);

        interchange.restart();

        for (int i = 0; i < 5; i++) {
            JsonNode tracked = awaitState(interchange.http(), documentIds.get(i), "accepted");
            assertThat(tracked.path("history").findValuesAsText("state")).containsExactly("received", "submitted", "accepted");
            assertThat(erp.ordersFor("RS-" + (i + 1))).hasSize(1);
        }
    }

    @Test
    void trackingOfADocumentSurvivesARestart() {
        String documentId = Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "RT-1")))
                .path("documentId").asText();
        JsonNode before = awaitState(interchange.http(), documentId, "accepted");

        interchange.restart();

        JsonNode after = Http.json(interchange.http().get("/api/v1/orders/" + documentId));
        assertThat(after.path("erpOrderNumber").asText()).isEqualTo(before.path("erpOrderNumber").asText());
        assertThat(after.path("history")).isEqualTo(before.path("history"));
        assertThat(interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "RT-1")).statusCode())
                .as("the business key is still known").isEqualTo(200);
    }
}
