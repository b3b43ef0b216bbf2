package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ERP circuit breaker opens on repeated unavailability, shows it, and closes when the ERP is back. */
class ErpCircuitBreakerIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.erp.breaker.minimum-calls", "2",
                "interchange.erp.breaker.window-size", "4",
                "interchange.erp.breaker.open-seconds", "2",
                "interchange.erp.breaker.half-open-calls", "1",
                "interchange.processing.max-attempts", "20",
                "interchange.processing.redelivery-delay-ms", "200",
                "interchange.processing.redelivery-max-delay-ms", "500"));
        api = interchange.http();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void breakerOpensWhileTheErpIsDownAndTheOrderGoesThroughOnceItIsBack() {
        erp.fail(503, -1);
        String documentId = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "CB-1"))).path("documentId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> health().contains("\"state\":\"OPEN\""));
        assertThat(api.get("/observe/metrics").body())
                .contains("resilience4j_circuitbreaker_state{name=\"erp\",state=\"open\"} 1.0");
        assertThat(api.get("/observe/health/ready").statusCode())
                .as("intake stays ready while the ERP is down").isEqualTo(200);
        String whileOpen = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "CB-2"))).path("documentId").asText();
        assertThat(whileOpen).as("orders are still accepted and queued").isNotBlank();

        erp.heal();

        awaitState(api, documentId, "accepted");
        awaitState(api, whileOpen, "accepted");
        await().atMost(Duration.ofSeconds(20)).until(() -> health().contains("\"state\":\"CLOSED\""));
        assertThat(erp.ordersFor("CB-1")).hasSize(1);
        assertThat(erp.answersFor("rest:webshop:CB-1")).contains(503).endsWith(201);
    }

    private static String health() {
        return api.get("/observe/health?data=true").body();
    }
}
