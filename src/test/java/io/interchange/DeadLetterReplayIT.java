package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ops find what the ERP could not take, replay it once the ERP is back, and each order is booked once. */
class DeadLetterReplayIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient alice;
    private static AdminClient victor;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.processing.max-attempts", "2",
                "interchange.processing.redelivery-delay-ms", "100",
                "interchange.erp.response-timeout-ms", "400",
                "interchange.erp.breaker.minimum-calls", "1000",
                "interchange.admin.users", "alice:ops,victor:viewer",
                "interchange.admin.user.alice.password", "alice-secret",
                "interchange.admin.user.victor.password", "victor-secret"));
        api = interchange.http();
        alice = AdminClient.as(interchange, "alice", "alice-secret");
        victor = AdminClient.as(interchange, "victor", "victor-secret");
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
    void ordersDeadLetteredWhileTheErpWasDownAreReplayedOnceItIsBackAndBookedOnce() {
        erp.fail(503, -1);
        List<String> documentIds = List.of(post("outage-shop", "O-1"), post("outage-shop", "O-2"), post("outage-shop", "O-3"));
        documentIds.forEach(id -> awaitState(api, id, "dead-lettered"));
        documentIds.forEach(DeadLetterReplayIT::deadLetterOf);

        JsonNode listed = alice.getJson("/admin/v1/dead-letters?partner=outage-shop");
        assertThat(listed.path("matched").asInt()).isEqualTo(3);
        assertThat(listed.path("deadLetters")).allSatisfy(letter -> {
            assertThat(letter.path("queue").asText()).isEqualTo("orders.dlq");
            assertThat(letter.path("reason").asText()).contains("503");
            assertThat(letter.path("errorClass").asText()).isEqualTo("io.interchange.erp.ErpUnavailableException");
            assertThat(letter.path("failedRoute").asText()).isEqualTo("process-orders");
            assertThat(letter.path("attempts").asInt()).isEqualTo(2);
            assertThat(letter.path("originalQueue").asText()).isEqualTo("orders.inbound");
            assertThat(Instant.parse(letter.path("firstFailureAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(letter.path("lastFailureAt").asText()));
        });
        assertThat(listed.path("deadLetters").findValuesAsText("documentId")).containsExactlyInAnyOrderElementsOf(documentIds);

        erp.heal();
        JsonNode replayed = alice.postJson("/admin/v1/dead-letters/replay", "{\"partner\":\"outage-shop\"}");

        assertThat(replayed.path("matched").asInt()).isEqualTo(3);
        assertThat(replayed.path("ok").asInt()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode tracked = awaitState(api, documentIds.get(i), "accepted");
            assertThat(tracked.path("history").findValuesAsText("detail"))
                    .anySatisfy(detail -> assertThat(detail).startsWith("replayed from orders.dlq to orders.inbound by alice"));
            assertThat(erp.ordersFor("O-" + (i + 1))).hasSize(1);
        }
        for (String documentId : documentIds) {
            JsonNode audit = alice.getJson("/admin/v1/audit?action=replay&actor=alice&target=" + documentId);
            assertThat(audit.path("entries")).hasSize(1).allSatisfy(entry -> {
                assertThat(entry.path("outcome").asText()).isEqualTo("ok");
                assertThat(entry.path("via").asText()).isEqualTo("http");
                assertThat(entry.path("target").asText()).startsWith("orders.dlq/");
            });
        }

        JsonNode again = alice.postJson("/admin/v1/dead-letters/replay", "{\"partner\":\"outage-shop\"}");

        assertThat(again.path("matched").asInt()).as("nothing left to replay").isZero();
        assertThat(erp.ordersFor("O-1")).hasSize(1);
        assertThat(erp.ordersFor("O-2")).hasSize(1);
        assertThat(erp.ordersFor("O-3")).hasSize(1);
    }

    @Test
    void replayOfAnOrderTheErpBookedWithoutAnsweringInTimeDoesNotBookItTwice() {
        // the ERP books the order but answers after Interchange gave up waiting, twice: dead-lettered
        erp.slowDown(1_000);
        String documentId = post("slow-shop", "S-1");
        awaitState(api, documentId, "dead-lettered");
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.ordersFor("S-1").size() == 1);
        String id = deadLetterOf(documentId).path("id").asText();

        erp.heal();
        JsonNode first = alice.postJson("/admin/v1/dead-letters/" + id + "/replay", "");

        assertThat(first.path("outcome").asText()).isEqualTo("ok");
        JsonNode tracked = awaitState(api, documentId, "accepted");
        assertThat(erp.ordersFor("S-1")).hasSize(1);
        assertThat(tracked.path("erpOrderNumber").asText()).isEqualTo(erp.ordersFor("S-1").get(0).path("erpOrderNumber").asText());

        HttpResponse<String> second = alice.post("/admin/v1/dead-letters/" + id + "/replay", "");

        assertThat(second.statusCode()).as("the dead letter left the queue with the first replay").isEqualTo(404);
        assertThat(erp.ordersFor("S-1")).hasSize(1);
    }

    @Test
    void unknownDeadLetterIsNotFoundAndAFilterMatchingNothingIsAnEmptyList() {
        HttpResponse<String> unknown = alice.post("/admin/v1/dead-letters/no-such-id/replay", "");
        HttpResponse<String> unknownShown = alice.get("/admin/v1/dead-letters/0b1e6c44-0000-0000-0000-000000000000");
        JsonNode none = alice.getJson("/admin/v1/dead-letters?partner=nobody&errorClass=NoSuchException");
        JsonNode noneReplayed = alice.postJson("/admin/v1/dead-letters/replay", "{\"partner\":\"nobody\"}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(unknown).path("type").asText()).endsWith("/unknown-dead-letter");
        assertThat(unknownShown.statusCode()).isEqualTo(404);
        assertThat(none.path("matched").asInt()).isZero();
        assertThat(none.path("deadLetters")).isEmpty();
        assertThat(noneReplayed.path("matched").asInt()).isZero();
    }

    @Test
    void aBulkReplayMustNameWhatItIsAbout() {
        HttpResponse<String> unnamed = alice.post("/admin/v1/dead-letters/replay", "{}");

        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(Http.json(unnamed).path("detail").asText()).contains("\"all\": true");
    }

    @Test
    void withoutCredentialsOrWithTheViewerRoleNothingIsReplayedOrDiscarded() {
        erp.fail(503, -1);
        String documentId = post("guarded-shop", "G-1");
        awaitState(api, documentId, "dead-lettered");
        String id = deadLetterOf(documentId).path("id").asText();
        long waiting = interchange.queue("orders.dlq").getMessageCount();

        HttpResponse<String> anonymous = AdminClient.anonymous(interchange).post("/admin/v1/dead-letters/" + id + "/replay", "");
        HttpResponse<String> anonymousRead = AdminClient.anonymous(interchange).get("/admin/v1/dead-letters");
        HttpResponse<String> wrongPassword = AdminClient.as(interchange, "alice", "guess").post("/admin/v1/dead-letters/replay", "{\"all\":true}");
        HttpResponse<String> viewerReplay = victor.post("/admin/v1/dead-letters/" + id + "/replay", "");
        HttpResponse<String> viewerDiscard = victor.post("/admin/v1/dead-letters/" + id + "/discard", "{\"reason\":\"no\"}");
        HttpResponse<String> viewerUnmasked = victor.get("/admin/v1/dead-letters/" + id + "?unmasked=true");
        HttpResponse<String> viewerList = victor.get("/admin/v1/dead-letters?partner=guarded-shop");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(anonymousRead.statusCode()).as("not even reading without credentials").isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(viewerReplay.statusCode()).isEqualTo(403);
        assertThat(viewerDiscard.statusCode()).isEqualTo(403);
        assertThat(viewerUnmasked.statusCode()).isEqualTo(403);
        assertThat(viewerList.statusCode()).isEqualTo(200);
        assertThat(interchange.queue("orders.dlq").getMessageCount()).isEqualTo(waiting);
        assertThat(Http.json(api.get("/api/v1/orders/" + documentId)).path("state").asText()).isEqualTo("dead-lettered");
        assertThat(alice.getJson("/admin/v1/audit?actor=victor&action=access").path("entries"))
                .extracting(entry -> entry.path("outcome").asText()).containsOnly("denied");
    }

    @Test
    void payloadIsMaskedUnlessOpsAskForItAndTheUnmaskedViewIsAudited() {
        erp.fail(503, -1);
        String documentId = post("private-shop", "P-1");
        awaitState(api, documentId, "dead-lettered");
        String id = deadLetterOf(documentId).path("id").asText();

        JsonNode masked = victor.getJson("/admin/v1/dead-letters/" + id);
        JsonNode unmasked = alice.getJson("/admin/v1/dead-letters/" + id + "?unmasked=true");

        assertThat(masked.path("masked").asBoolean()).isTrue();
        assertThat(masked.path("payload").path("parties").get(0).path("name").asText()).isEqualTo("***");
        assertThat(masked.path("payload").path("header").path("externalOrderNumber").asText()).isEqualTo("P-1");
        assertThat(masked.toString()).doesNotContain("Ada Lovelace");
        assertThat(masked.path("headers").path("businessKey").asText()).isEqualTo("rest:private-shop:P-1");
        assertThat(unmasked.path("payload").asText()).contains("Ada Lovelace");
        assertThat(alice.getJson("/admin/v1/audit?action=view-unmasked&actor=alice").path("entries"))
                .hasSize(1).first().satisfies(entry -> assertThat(entry.path("target").asText()).contains(id));
    }

    @Test
    void discardTakesTheDeadLetterAwayForGoodWithTheReasonInHistoryAndAudit() {
        erp.fail(503, -1);
        String documentId = post("discard-shop", "X-1");
        awaitState(api, documentId, "dead-lettered");
        String id = deadLetterOf(documentId).path("id").asText();
        assertThat(api.get("/observe/metrics").body()).containsPattern("interchange_dead_letters\\{queue=\"orders.dlq\"} [1-9]");
        assertThat(alice.getJson("/admin/v1/dead-letter-queues").path("queues").findValuesAsText("queue")).contains("orders.dlq");

        HttpResponse<String> withoutReason = alice.post("/admin/v1/dead-letters/" + id + "/discard", "{}");
        JsonNode discarded = alice.postJson("/admin/v1/dead-letters/" + id + "/discard", "{\"reason\":\"duplicate of X-0, booked by phone\"}");

        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(discarded.path("outcome").asText()).isEqualTo("ok");
        assertThat(alice.get("/admin/v1/dead-letters/" + id).statusCode()).isEqualTo(404);
        JsonNode tracked = Http.json(api.get("/api/v1/orders/" + documentId));
        assertThat(tracked.path("state").asText()).isEqualTo("dead-lettered");
        assertThat(tracked.path("reason").asText()).contains("discarded").contains("booked by phone").contains("alice");
        assertThat(alice.getJson("/admin/v1/audit?action=discard").path("entries").findValuesAsText("detail"))
                .anySatisfy(detail -> assertThat(detail).contains("booked by phone"));
        assertThat(erp.ordersFor("X-1")).isEmpty();
    }

    private static JsonNode deadLetterOf(String documentId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode letters = alice.getJson("/admin/v1/dead-letters?documentId=" + documentId).path("deadLetters");
            found[0] = letters.isEmpty() ? null : letters.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private static String post(String partner, String externalNumber) {
        return Http.json(api.postJson("/api/v1/orders", Orders.json(partner, externalNumber, "WIDGET-RED")))
                .path("documentId").asText();
    }
}
