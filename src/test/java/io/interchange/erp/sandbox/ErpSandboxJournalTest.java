package io.interchange.erp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import org.junit.jupiter.api.Test;

/** The sandbox keeps its orders in its journal: a restart books nothing twice and numbers on. */
class ErpSandboxJournalTest {

    private static final String AUTH = "Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes());

    @Test
    void aRestartedSandboxRemembersItsOrdersKeysAndNumbers() throws Exception {
        Path journal = Files.createTempDirectory("erp-sandbox-").resolve("erp-sandbox/answers.jsonl");
        int port = FreePorts.next();

        ErpSandbox first = start(port, journal);
        Http erp = new Http("http://localhost:" + port);
        JsonNode booked = Http.json(post(erp, "KEY-1", "PO-1", "WIDGET-RED"));
        assertThat(post(erp, "KEY-2", "PO-2", "NOT-A-THING").statusCode()).isEqualTo(422);
        erp.post("/erp/api/sales-orders/PO-1/cancellation", "application/json",
                "{\"reason\":\"customer\"}".getBytes(), Map.of("Authorization", AUTH, "Idempotency-Key", "CANCEL-1"));
        first.stop();

        ErpSandbox second = start(port, journal);
        try {
            var again = post(erp, "KEY-1", "PO-1", "WIDGET-RED");
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(Http.json(again).path("erpOrderNumber").asText()).isEqualTo(booked.path("erpOrderNumber").asText());
            assertThat(post(erp, "KEY-2", "PO-2", "WIDGET-RED").statusCode()).as("the refusal is remembered too").isEqualTo(422);
            JsonNode next = Http.json(post(erp, "KEY-3", "PO-3", "WIDGET-RED"));
            assertThat(next.path("erpOrderNumber").asText()).isEqualTo("SO-100002");

            List<JsonNode> orders = erp.getJson("/erp/api/sales-orders").findParents("erpOrderNumber");
            assertThat(orders).extracting(o -> o.path("customerReference").asText()).containsExactly("PO-1", "PO-3");
            assertThat(orders.get(0).path("status").asText()).isEqualTo("CANCELLED");
        } finally {
            second.stop();
        }
    }

    private static ErpSandbox start(int port, Path journal) {
        ErpSandbox sandbox = new ErpSandbox("localhost", port, "u", "p", new ItemCatalog(List.of("WIDGET-")), journal);
        sandbox.start();
        return sandbox;
    }

    private static java.net.http.HttpResponse<String> post(Http erp, String key, String reference, String item) {
        String body = "{\"customerReference\":\"" + reference + "\",\"lines\":[{\"line\":1,\"item\":\"" + item + "\"}]}";
        return erp.post("/erp/api/sales-orders", "application/json", body.getBytes(),
                Map.of("Authorization", AUTH, "Idempotency-Key", key));
    }
}
