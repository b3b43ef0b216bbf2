package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import io.interchange.support.BusClient;
import io.interchange.support.Http;
import io.interchange.support.KafkaTestBroker;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lifecycle events as CloudEvents: on Kafka when configured, on the Artemis topic by default. */
class OrderEventsIT {

    private static TestErp erp;

    @BeforeAll
    static void startErp() {
        erp = TestErp.start();
    }

    @AfterAll
    static void stopErp() {
        erp.close();
    }

    @Test
    void acceptedAndRejectedOrdersArePublishedToKafkaAsCloudEvents() throws Exception {
        String topic = "order-events-" + System.nanoTime();
        try (RunningInterchange interchange = RunningInterchange.start(erp, Map.of(
                "interchange.kafka.brokers", KafkaTestBroker.bootstrapServers(),
                "interchange.kafka.topic", topic))) {
            Http api = interchange.http();
            String accepted = Http.json(api.post("/api/v1/orders", "application/json",
                    Orders.json("webshop", "K-1").getBytes(StandardCharsets.UTF_8), Map.of("X-Correlation-ID", "trace-k-1")))
                    .path("documentId").asText();
            String rejected = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "K-2", "NOPE-1")))
                    .path("documentId").asText();
            String erpOrderNumber = awaitState(api, accepted, "accepted").path("erpOrderNumber").asText();
            awaitState(api, rejected, "rejected");

            List<ConsumerRecord<String, String>> records = KafkaTestBroker.read(topic, 2);

            assertThat(records).hasSize(2);
            ConsumerRecord<String, String> acceptedRecord = records.stream()
                    .filter(r -> r.key().equals(accepted)).findFirst().orElseThrow();
            JsonNode event = CanonicalJson.mapper().readTree(acceptedRecord.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("interchange.order.accepted");
            assertThat(event.path("subject").asText()).isEqualTo(accepted);
            assertThat(event.path("source").asText()).isEqualTo("urn:interchange");
            assertThat(event.path("correlationid").asText()).isEqualTo("trace-k-1");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(event.path("data").path("erpOrderNumber").asText()).isEqualTo(erpOrderNumber);
            assertThat(event.path("data").path("externalOrderNumber").asText()).isEqualTo("K-1");
            assertThat(header(acceptedRecord, "correlationId")).isEqualTo("trace-k-1");

            JsonNode rejectedEvent = CanonicalJson.mapper().readTree(records.stream()
                    .filter(r -> r.key().equals(rejected)).findFirst().orElseThrow().value());
            assertThat(rejectedEvent.path("type").asText()).isEqualTo("interchange.order.rejected");
            assertThat(rejectedEvent.path("data").path("reason").asText()).contains("NOPE-1");
        }
    }

    @Test
    void withoutKafkaEventsGoToTheArtemisTopicForAnyJmsClient() throws Exception {
        try (RunningInterchange interchange = RunningInterchange.start(erp, Map.of());
                BusClient bus = new BusClient(interchange.property("interchange.broker.embedded.acceptor"))) {
            MessageConsumer subscriber = bus.subscribe("interchange.events");
            String documentId = Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("webshop", "A-1")))
                    .path("documentId").asText();

            TextMessage message = (TextMessage) subscriber.receive(30_000);

            assertThat(message).as("event on interchange.events").isNotNull();
            JsonNode event = CanonicalJson.mapper().readTree(message.getText());
            assertThat(event.path("type").asText()).isEqualTo("interchange.order.accepted");
            assertThat(event.path("subject").asText()).isEqualTo(documentId);
            assertThat(message.getStringProperty("documentId")).isEqualTo(documentId);
        }
    }

    @Test
    void anOrderDeliveredAgainAfterItsAnswerHasItsEventSentAgainAndIsNotBookedTwice() throws Exception {
        try (RunningInterchange interchange = RunningInterchange.start(erp, Map.of());
                BusClient bus = new BusClient(interchange.property("interchange.broker.embedded.acceptor"))) {
            MessageConsumer subscriber = bus.subscribe("interchange.events");
            String order = Orders.json("webshop", "AGAIN-1");
            JsonNode admitted = Http.json(interchange.http().postJson("/api/v1/orders", order));
            String documentId = admitted.path("documentId").asText();
            JsonNode first = CanonicalJson.mapper().readTree(((TextMessage) subscriber.receive(30_000)).getText());

            // the copy a crash or a broker failover leaves on orders.inbound after the ERP answered
            bus.send("orders.inbound", order, Map.of("documentId", documentId,
                    "correlationId", first.path("correlationid").asText(documentId),
                    "businessKey", "rest:webshop:AGAIN-1"));
            TextMessage again = (TextMessage) subscriber.receive(30_000);

            assertThat(again).as("the outcome announced again").isNotNull();
            JsonNode second = CanonicalJson.mapper().readTree(again.getText());
            assertThat(second.path("type").asText()).isEqualTo("interchange.order.accepted");
            assertThat(second.path("id").asText()).as("same event id: consumers drop the repeat").isEqualTo(first.path("id").asText());
            assertThat(second.path("data").path("erpOrderNumber").asText())
                    .isEqualTo(first.path("data").path("erpOrderNumber").asText()).isNotEmpty();
            assertThat(erp.ordersFor("AGAIN-1")).hasSize(1);
            assertThat(awaitState(interchange.http(), documentId, "accepted").path("attempts").asInt()).isEqualTo(1);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
