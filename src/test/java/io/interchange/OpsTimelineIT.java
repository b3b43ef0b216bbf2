package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ops follow a document across its asynchronous hops, by any of its keys, before and after a restart. */
class OpsTimelineIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient viewer;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.admin.users", "vera:viewer",
                "interchange.admin.user.vera.password", "vera-secret"));
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void timelineShowsEveryHopAndSurvivesARestart() {
        erp.fail(503, 1);
        HttpResponse<String> posted = interchange.http().post("/api/v1/orders", "application/json",
                Orders.json("timeline-shop", "TL-1").getBytes(StandardCharsets.UTF_8), Map.of("X-Correlation-ID", "trace-tl-1"));
        String documentId = Http.json(posted).path("documentId").asText();
        awaitState(interchange.http(), documentId, "accepted");

        JsonNode before = awaitStep(documentId, "event-published");

        assertThat(before.path("state").asText()).isEqualTo("accepted");
        assertThat(before.path("timeline").findValuesAsText("step"))
                .containsExactly("received", "erp-attempt", "erp-attempt", "erp-attempt", "accepted", "event-published");
        assertThat(before.path("timeline").findValuesAsText("outcome"))
                .containsExactly("ok", "started", "failed", "started", "ok", "ok");
        assertThat(before.path("timeline").get(2).path("detail").asText()).contains("attempt 1 failed").contains("503");
        assertThat(before.path("timeline").get(5).path("detail").asText()).contains("interchange.order.accepted");

        assertThat(search("correlationId=trace-tl-1")).containsExactly(documentId);
        assertThat(search("businessKey=rest:timeline-shop:TL-1")).containsExactly(documentId);
        assertThat(search("partnerId=timeline-shop&externalNumber=TL-1")).containsExactly(documentId);

        interchange.restart();
        viewer = AdminClient.as(interchange, "vera", "vera-secret");

        JsonNode after = viewer.getJson("/admin/v1/documents/" + documentId);
        assertThat(after.path("timeline")).isEqualTo(before.path("timeline"));
        assertThat(search("correlationId=trace-tl-1")).containsExactly(documentId);
    }

    @Test
    void unknownDocumentIsNotFoundAndASearchThatFindsNothingIsEmpty() {
        HttpResponse<String> unknown = viewer.get("/admin/v1/documents/no-such-document");
        HttpResponse<String> noCriterion = viewer.get("/admin/v1/documents");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(search("correlationId=nobody-knows")).isEmpty();
        assertThat(search("businessKey=rest:nobody:N-1")).isEmpty();
        assertThat(noCriterion.statusCode()).isEqualTo(400);
    }

    private static java.util.List<String> search(String query) {
        return viewer.getJson("/admin/v1/documents?" + query).path("documents").findValuesAsText("documentId");
    }

    private static JsonNode awaitStep(String documentId, String step) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = viewer.getJson("/admin/v1/documents/" + documentId);
            return last[0].path("timeline").findValuesAsText("step").contains(step);
        });
        return last[0];
    }
}
