package io.interchange.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentState;
import io.interchange.support.TrackingDatabase;
import io.interchange.tracking.DocumentTracker;
import io.interchange.tracking.NewDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * process-orders' idempotent repository is the tracking row: an order counts as processed exactly
 * when the ERP's final answer is in its state, and the repository itself never writes.
 */
class SettledOrdersTest {

    private static HikariDataSource dataSource;
    private static DocumentTracker tracker;
    private static SettledOrders settled;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("settled-orders-test");
        tracker = new DocumentTracker(dataSource, "test-node");
        settled = new SettledOrders(tracker);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void anOrderIsProcessedOnceTheErpAnsweredItFinally() {
        String accepted = admitted("PO-1");
        String rejected = admitted("PO-2");
        assertThat(settled.contains(accepted)).as("received, not answered").isFalse();

        tracker.submitted(document(accepted, "PO-1"), 1);
        assertThat(settled.contains(accepted)).as("submitted, not answered").isFalse();
        tracker.settle(accepted, DocumentState.ACCEPTED, "ERP-1", null);
        tracker.settle(rejected, DocumentState.REJECTED, null, "ERP 422: unknown SKU");

        assertThat(settled.contains(accepted)).isTrue();
        assertThat(settled.contains(rejected)).isTrue();
    }

    @Test
    void aDeadLetteredOrderIsNotProcessedSoItsReplayReachesTheErp() {
        String documentId = admitted("PO-3");
        tracker.settle(documentId, DocumentState.DEAD_LETTERED, null, "ERP 503 after 8 attempts");

        assertThat(settled.contains(documentId)).isFalse();
        assertThat(settled.contains(UUID.randomUUID().toString())).as("unknown").isFalse();
    }

    @Test
    void itWritesNothingAndTakesNoAnswerBack() {
        String documentId = admitted("PO-4");
        tracker.settle(documentId, DocumentState.ACCEPTED, "ERP-4", null);

        assertThat(settled.remove(documentId)).isFalse();
        settled.clear();
        assertThat(settled.contains(documentId)).as("still settled").isTrue();
        String open = admitted("PO-5");
        assertThat(settled.add(open)).as("add records nothing").isFalse();
        assertThat(settled.contains(open)).isFalse();
    }

    private static String admitted(String po) {
        String documentId = UUID.randomUUID().toString();
        tracker.admit(document(documentId, po), "test", () -> { });
        return documentId;
    }

    private static NewDocument document(String documentId, String po) {
        return new NewDocument(documentId, "corr-1", "order", new BusinessKey("rest", "acme", po), Instant.now());
    }
}
