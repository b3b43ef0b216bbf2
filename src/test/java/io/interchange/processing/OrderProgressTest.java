package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.interchange.events.OrderEvents;
import io.interchange.model.BusinessKey;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.DocumentState;
import io.interchange.observe.DocumentMetrics;
import io.interchange.support.TrackingDatabase;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A settled order the bus delivers again (its answer's transaction lost in a broker failover)
 * announces its outcome again, with the same event id; an unsettled one announces nothing.
 */
class OrderProgressTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();
    private static HikariDataSource dataSource;
    private static DocumentTracker tracker;
    private static OrderProgress progress;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("order-progress-test");
        tracker = new DocumentTracker(dataSource, "test-node");
        progress = new OrderProgress(tracker, new DocumentMetrics(new SimpleMeterRegistry()), new OrderEvents("/interchange/test"));
    }

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
        dataSource.close();
    }

    @Test
    void anAcceptedOrderDeliveredAgainAnnouncesItsAcceptanceWithTheSameEventId() throws Exception {
        String documentId = admitted("PO-1");
        tracker.settle(documentId, DocumentState.ACCEPTED, "ERP-77", null);

        Exchange again = delivery(documentId, "PO-1");
        progress.announceAgain(again);
        assertThat(again.getProperty(OrderProgress.ANNOUNCED_AGAIN, false, Boolean.class)).isTrue();

        JsonNode event = CanonicalJson.mapper().readTree(again.getMessage().getBody(String.class));
        assertThat(event.path("type").asText()).isEqualTo("interchange.order.accepted");
        assertThat(event.path("data").path("erpOrderNumber").asText()).isEqualTo("ERP-77");
        String firstEventId = CanonicalJson.mapper().readTree(new OrderEvents("/interchange/test")
                .event("accepted", documentId, "corr-1", CanonicalJson.mapper().createObjectNode())).path("id").asText();
        assertThat(event.path("id").asText()).as("a consumer can drop the repeat by its id").isEqualTo(firstEventId);
        assertThat(again.getMessage().getHeader("JMSXGroupID")).isEqualTo(documentId);
    }

    @Test
    void aRejectedOrderDeliveredAgainAnnouncesItsRejectionWithTheReason() throws Exception {
        String documentId = admitted("PO-2");
        tracker.settle(documentId, DocumentState.REJECTED, null, "ERP 422: unknown SKU");

        Exchange again = delivery(documentId, "PO-2");
        progress.announceAgain(again);
        assertThat(again.getProperty(OrderProgress.ANNOUNCED_AGAIN, false, Boolean.class)).isTrue();

        JsonNode event = CanonicalJson.mapper().readTree(again.getMessage().getBody(String.class));
        assertThat(event.path("type").asText()).isEqualTo("interchange.order.rejected");
        assertThat(event.path("data").path("reason").asText()).isEqualTo("ERP 422: unknown SKU");
    }

    @Test
    void anOrderNotYetAnsweredAnnouncesNothing() {
        String documentId = admitted("PO-3");

        Exchange again = delivery(documentId, "PO-3");
        again.getMessage().setBody("the order");
        progress.announceAgain(again);
        assertThat(again.getProperty(OrderProgress.ANNOUNCED_AGAIN, false, Boolean.class)).isFalse();
        assertThat(again.getMessage().getBody(String.class)).isEqualTo("the order");
        Exchange unknown = delivery(UUID.randomUUID().toString(), "PO-4");
        progress.announceAgain(unknown);
        assertThat(unknown.getProperty(OrderProgress.ANNOUNCED_AGAIN, false, Boolean.class)).as("unknown").isFalse();
    }

    private static String admitted(String po) {
        String documentId = UUID.randomUUID().toString();
        tracker.admit(new NewDocument(documentId, "corr-1", "order", new BusinessKey("rest", "acme", po), Instant.now()),
                "test", () -> { });
        return documentId;
    }

    private static Exchange delivery(String documentId, String po) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(DocumentHeaders.DOCUMENT_ID, documentId);
        exchange.getMessage().setHeader(DocumentHeaders.CORRELATION_ID, "corr-1");
        exchange.getMessage().setHeader(DocumentHeaders.BUSINESS_KEY, "rest:acme:" + po);
        return exchange;
    }
}
