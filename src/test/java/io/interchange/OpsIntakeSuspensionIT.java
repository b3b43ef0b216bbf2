package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
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

/** Ops stop an intake from taking new documents, without losing what is already on its way. */
class OpsIntakeSuspensionIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient ops;
    private static AdminClient viewer;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.admin.users", "olga:ops,vera:viewer",
                "interchange.admin.user.olga.password", "olga-secret",
                "interchange.admin.user.vera.password", "vera-secret"));
        connect();
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void suspendedIntakeRefusesNewOrdersWhileQueuedOnesGoThroughAndStaysSuspendedAcrossARestart() throws Exception {
        interchange.context().getRouteController().stopRoute("process-orders");
        String queued = post("SU-1").path("documentId").asText();

        JsonNode suspended = ops.postJson("/admin/v1/intakes/rest/suspend", "{\"reason\":\"client floods us with test orders\"}");

        assertThat(suspended.path("suspended").asBoolean()).isTrue();
        assertThat(suspended.path("suspension").path("by").asText()).isEqualTo("olga");
        assertThat(interchange.http().postJson("/api/v1/orders", Orders.json("suspend-shop", "SU-2")).statusCode())
                .as("no new orders while suspended").isEqualTo(503);
        assertThat(interchange.http().get("/api/v1/orders/" + queued).statusCode())
                .as("status queries still answer").isEqualTo(200);
        interchange.context().getRouteController().startRoute("process-orders");
        awaitState(interchange.http(), queued, "accepted");

        interchange.restart();
        connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean());
        assertThat(interchange.http().postJson("/api/v1/orders", Orders.json("suspend-shop", "SU-3")).statusCode()).isEqualTo(503);

        JsonNode resumed = ops.postJson("/admin/v1/intakes/rest/resume", "");

        assertThat(resumed.path("suspended").asBoolean()).isFalse();
        assertThat(resumed.has("suspension")).isFalse();
        assertThat(post("SU-4").path("documentId").asText()).isNotBlank();
        assertThat(ops.getJson("/admin/v1/audit?target=intake%20rest").path("entries").findValuesAsText("action"))
                .containsExactly("resume", "suspend");
    }

    @Test
    void intakesShowTheirDocumentCounters() {
        String documentId = post("CN-1").path("documentId").asText();
        awaitState(interchange.http(), documentId, "accepted");

        JsonNode intakes = viewer.getJson("/admin/v1/intakes");

        JsonNode rest = intakes.path("intakes").findParents("id").stream()
                .filter(intake -> intake.path("id").asText().equals("rest")).findFirst().orElseThrow();
        assertThat(rest.path("kind").asText()).isEqualTo("api");
        assertThat(rest.path("documents").path("accepted").asLong()).isPositive();
        assertThat(rest.path("documents").path("total").asLong()).isGreaterThanOrEqualTo(rest.path("documents").path("accepted").asLong());
        assertThat(rest.path("lastReceivedAt").asText()).isNotBlank();
    }

    @Test
    void viewerCannotSuspendAndAnUnknownIntakeIsNotFound() {
        HttpResponse<String> byViewer = viewer.post("/admin/v1/intakes/rest/suspend", "{}");
        HttpResponse<String> anonymous = AdminClient.anonymous(interchange).post("/admin/v1/intakes/rest/suspend", "{}");
        HttpResponse<String> unknown = ops.post("/admin/v1/intakes/sftp-nobody/suspend", "{}");

        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(viewer.getJson("/admin/v1/intakes/rest").path("suspended").asBoolean()).isFalse();
    }

    private static JsonNode post(String externalNumber) {
        return Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("suspend-shop", externalNumber)));
    }

    private static void connect() {
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
    }
}
