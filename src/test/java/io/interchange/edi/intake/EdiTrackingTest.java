package io.interchange.edi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.model.BusinessKey;
import io.interchange.support.TrackingDatabase;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order response reads an order's EDI origin: the first record of its document, with its
 * canonical order. A resend finds it there; an order whose admitting pass stopped before recording
 * it gets it from the file's next read.
 */
class EdiTrackingTest {

    private static HikariDataSource dataSource;
    private static EdiTracking tracking;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("edi-tracking-test");
        tracking = new EdiTracking(dataSource, new DocumentTimeline(dataSource, "test-node"));
        DocumentTracker tracker = new DocumentTracker(dataSource, "test-node");
        for (String documentId : List.of("doc-1", "doc-2", "doc-3")) {
            tracker.admit(new NewDocument(documentId, "corr-" + documentId, "order",
                    new BusinessKey("edi", "acme", "PO-" + documentId), Instant.now()), "test", () -> { });
        }
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aResendOfARecordedOrderIsRecordedAsDuplicateWithoutACopyAndTheOriginStays() {
        tracking.recordAll(List.of(record("first.edi", "doc-1", "admitted", "{\"po\":\"PO-1\"}")));

        tracking.recordAll(List.of(record("resent.edi", "doc-1", "duplicate", "{\"po\":\"PO-1 resent\"}")));

        assertThat(tracking.admitted("doc-1")).hasValueSatisfying(origin -> {
            assertThat(origin.canonicalOrder()).isEqualTo("{\"po\":\"PO-1\"}");
            assertThat(origin.partnerId()).isEqualTo("acme");
        });
        assertThat(states("doc-1")).containsExactly("admitted", "duplicate");
        assertThat(copies("doc-1")).isEqualTo(1);
    }

    @Test
    void theFirstRecordOfAnOrderWhoseAdmittingPassStoppedIsItsOrigin() {
        // the pass that put doc-2 on the bus recorded nothing (its bus commit failed across a failover
        // but had reached the bus); the file's next read finds the order known
        assertThat(tracking.admitted("doc-2")).isEmpty();

        tracking.recordAll(List.of(record("po.edi", "doc-3", "admitted", "{\"po\":\"PO-3\"}"),
                record("po.edi", "doc-2", "duplicate", "{\"po\":\"PO-2\"}")));

        assertThat(tracking.admitted("doc-2")).hasValueSatisfying(origin ->
                assertThat(origin.canonicalOrder()).isEqualTo("{\"po\":\"PO-2\"}"));
        assertThat(states("doc-2")).containsExactly("admitted");
        assertThat(tracking.admitted("doc-3")).isPresent();
    }

    private static EdiTransactionRecord record(String file, String documentId, String state, String order) {
        return new EdiTransactionRecord("acme", file, "000000101", "101", "0001", "850", "PO", documentId, state, null,
                order);
    }

    private static List<String> states(String documentId) {
        return TrackingDatabase.strings(dataSource,
                "select state from edi_transaction where document_id = '" + documentId + "' order by id");
    }

    private static long copies(String documentId) {
        return TrackingDatabase.strings(dataSource, "select canonical_order from edi_transaction where document_id = '"
                + documentId + "' and canonical_order is not null").size();
    }
}
