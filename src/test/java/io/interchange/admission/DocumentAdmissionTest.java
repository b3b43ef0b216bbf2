package io.interchange.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.api.ProblemException;
import io.interchange.model.BusinessKey;
import io.interchange.model.CanonicalDocument;
import io.interchange.model.CanonicalJson;
import io.interchange.model.DocumentHeaders;
import io.interchange.model.Order;
import io.interchange.model.OrderCancellation;
import io.interchange.model.Source;
import io.interchange.observe.DocumentMetrics;
import io.interchange.support.Orders;
import io.interchange.support.TrackingDatabase;
import io.interchange.tracking.Admission;
import io.interchange.tracking.DocumentTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.UnitOfWorkHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one admission of every document type, step by step as an intake route runs it (track, the
 * route's send, commit) against the tracking store (H2 in a file, migrated as at start-up).
 */
class DocumentAdmissionTest {

    private static HikariDataSource dataSource;
    private static DocumentTracker tracker;
    private static DocumentAdmission admission;
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("admission-test");
        tracker = new DocumentTracker(dataSource, "test-node");
        admission = new DocumentAdmission(tracker, new DocumentMetrics(new SimpleMeterRegistry()), "webhook");
    }

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
        dataSource.close();
    }

    @Test
    void aCancellationKeepsTheSendersCorrelationIdFromTheHeader() throws Exception {
        Exchange exchange = posted(cancellation("C-100"), "shop-delivery-77");

        admission.track(exchange);

        assertThat(exchange.getMessage().getHeader(DocumentHeaders.CORRELATION_ID)).isEqualTo("shop-delivery-77");
        assertThat(CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class)).path("correlationId").asText())
                .as("the document on the bus").isEqualTo("shop-delivery-77");
        Admission admitted = commit(exchange);
        assertThat(admitted.correlationId()).isEqualTo("shop-delivery-77");
        assertThat(tracker.find(admitted.documentId()).orElseThrow().correlationId()).isEqualTo("shop-delivery-77");
    }

    @Test
    void anOrderKeepsTheSendersCorrelationIdFromTheHeaderToo() throws Exception {
        Exchange exchange = posted(order("O-100"), "client-run-1");

        admission.track(exchange);

        assertThat(commit(exchange).correlationId()).isEqualTo("client-run-1");
    }

    @Test
    void anUnsafeCorrelationIdGivesWayToTheDocumentsOwnOrANewOne() throws Exception {
        Exchange exchange = posted(cancellation("C-101"), "two words\nand a line break");

        admission.track(exchange);

        assertThat(exchange.getMessage().getHeader(DocumentHeaders.CORRELATION_ID, String.class))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void onlyTheDocumentsIdentityGoesOnTheBusWithIt() throws Exception {
        Exchange exchange = posted(order("O-101"), "c-1");
        exchange.getMessage().setHeader("Authorization", "Basic c2VjcmV0");
        exchange.getMessage().setHeader("X-Shopify-Hmac-Sha256", "signature");

        admission.track(exchange);

        assertThat(exchange.getProperty(DocumentAdmission.NEW_DOCUMENT, Boolean.class)).isTrue();
        assertThat(exchange.getMessage().getHeaders().keySet()).containsExactlyInAnyOrder(DocumentHeaders.DOCUMENT_ID,
                DocumentHeaders.CORRELATION_ID, DocumentHeaders.DOCUMENT_TYPE, DocumentHeaders.BUSINESS_KEY,
                DocumentHeaders.CHANNEL, DocumentHeaders.PARTNER_ID, DocumentHeaders.RECEIVED_AT);
        assertThat(exchange.getMessage().getHeader(DocumentHeaders.DOCUMENT_TYPE)).isEqualTo("order");
        commit(exchange);
    }

    @Test
    void anAdmissionThatNeverReachedItsCommitLeavesNothingBehind() throws Exception {
        Exchange failed = posted(cancellation("C-102"), "c-2");
        admission.track(failed);

        done(failed); // the send failed: the route ends without the commit step

        BusinessKey key = cancellation("C-102").withIdentity("x", "c-2", "webhook").businessKey();
        assertThat(tracker.findByBusinessKey(key)).isEmpty();
        Exchange retried = posted(cancellation("C-102"), "c-2");
        admission.track(retried);
        assertThat(commit(retried).duplicate()).as("the sender's retry is a new document").isFalse();
    }

    @Test
    void aKnownBusinessKeyIsNotSentAgainAndGetsTheOriginal() throws Exception {
        Exchange first = posted(cancellation("C-103"), "c-3");
        admission.track(first);
        Admission original = commit(first);

        Exchange again = posted(cancellation("C-103"), "c-3-retry");
        admission.track(again);

        assertThat(again.getProperty(DocumentAdmission.NEW_DOCUMENT, Boolean.class)).isFalse();
        Admission answer = again.getMessage().getBody(Admission.class);
        assertThat(answer.duplicate()).isTrue();
        assertThat(answer.documentId()).isEqualTo(original.documentId());
    }

    @Test
    void aKnownBusinessKeyWithOtherContentIsRefused409() throws Exception {
        Exchange first = posted(cancellation("C-104"), "c-4");
        admission.track(first);
        commit(first);

        OrderCancellation other = new OrderCancellation(null, null, new Source("webhook", "shop", null), "C-104",
                OffsetDateTime.parse("2026-11-21T10:00:00Z"), "changed my mind twice");

        assertThatThrownBy(() -> admission.track(posted(other, "c-4")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    private static Admission commit(Exchange exchange) throws Exception {
        admission.commit(exchange);
        done(exchange);
        return exchange.getMessage().getMandatoryBody(Admission.class);
    }

    private static void done(Exchange exchange) {
        UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
    }

    private static Exchange posted(CanonicalDocument document, String correlationHeader) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setBody(document);
        exchange.getMessage().setHeader(DocumentHeaders.HTTP_CORRELATION_ID, correlationHeader);
        return exchange;
    }

    private static OrderCancellation cancellation(String orderNumber) {
        return new OrderCancellation(null, null, new Source("webhook", "shop", null), orderNumber,
                OffsetDateTime.parse("2026-11-21T10:00:00Z"), "customer changed their mind");
    }

    private static Order order(String number) throws Exception {
        return CanonicalJson.mapper().treeToValue(Orders.order("shop", number, "WIDGET-RED"), Order.class);
    }
}
