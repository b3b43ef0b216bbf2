package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.api.OrderAdmission;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.NewDocument;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A restart loses nothing: what was on the bus is processed after it, tracking survives it. */
class RestartRecoveryIT {

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
    void aCopyACutOffAdmissionLeftOnTheBusIsSettledWhenTheSendersRetryOwnsItsKey() throws Exception {
        // the sender's retry after the crash: admitted and booked under its own document id
        String retry = Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "RO-1")))
                .path("documentId").asText();
        awaitState(interchange.http(), retry, "accepted");
        long deadLettersBefore = interchange.queue("orders.dlq").getMessagesAdded();

        // the copy the crash left: on the bus, its tracking row never committed
        String orphan = sendCopyWithoutRow("RO-1");

        await().atMost(Duration.ofSeconds(60)).until(() -> interchange.bean("documentTimeline", DocumentTimeline.class)
                .of(retry).stream().anyMatch(hop -> hop.step().equals("superseded-copy") && hop.detail().contains(orphan)));
        await().atMost(Duration.ofSeconds(30)).until(() -> interchange.queue("orders.inbound").getMessageCount() == 0);
        assertThat(erp.answersFor("rest:webshop:RO-1")).as("one ERP call, the retry's").containsExactly(201);
        assertThat(interchange.http().get("/api/v1/orders/" + orphan).statusCode()).isEqualTo(404);
        assertThat(interchange.queue("orders.dlq").getMessagesAdded()).isEqualTo(deadLettersBefore);
    }

    @Test
    void aCopyACutOffAdmissionLeftOnTheBusIsTrackedAndBookedWhileItsKeyIsFree() throws Exception {
        String orphan = sendCopyWithoutRow("RO-2");

        JsonNode tracked = awaitState(interchange.http(), orphan, "accepted");
        assertThat(tracked.path("history").toString()).contains("its admission did not commit");
        assertThat(erp.ordersFor("RO-2")).hasSize(1);

        // the sender retries the order it got no answer for: the known document, nothing new
        var again = interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "RO-2"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("documentId").asText()).isEqualTo(orphan);
    }

    /** What OrderAdmission sends, sent without the admission's row: a crash between send and commit. */
    private static String sendCopyWithoutRow(String externalNumber) throws Exception {
        String documentId = UUID.randomUUID().toString();
        Order order = CanonicalJson.mapper().readValue(Orders.json("webshop", externalNumber), Order.class)
                .withIdentity(documentId, "corr-" + documentId, "rest");
        NewDocument document = new NewDocument(documentId, "corr-" + documentId, "order", order.businessKey(), Instant.now());
        String acceptor = interchange.property("interchange.broker.embedded.acceptor").replaceAll("\\?.*", "");
        try (Connection connection = new ActiveMQConnectionFactory(acceptor).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message message = session.createTextMessage(CanonicalJson.mapper().writeValueAsString(order));
            for (Map.Entry<String, Object> header : OrderAdmission.busHeaders(document).entrySet()) {
                message.setObjectProperty(header.getKey(), header.getValue());
            }
            session.createProducer(session.createQueue("orders.inbound")).send(message);
        }
        return documentId;
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
