package io.interchange.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentState;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a consumer finds in the tracking store (H2 in a file, migrated as at start-up) for each copy
 * a crash can leave on the bus, and for the usual copy that arrives before its admission commits.
 */
class DocumentTrackerAdmissionTest {

    private static HikariDataSource dataSource;
    private static DocumentTracker tracker;
    private static DocumentTimeline timeline;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("tracker-test");
        tracker = new DocumentTracker(dataSource, "test-node");
        timeline = new DocumentTimeline(dataSource, "test-node");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aCopyConsumedWhileItsAdmissionCommitsIsAlwaysTracked() throws Exception {
        // the consumer races the admission's commit; whichever way each race goes, the copy is its own
        // document's (a look at the row and one at the key apart from each other once mistook it for
        // a copy superseded by itself)
        for (int i = 0; i < 100; i++) {
            NewDocument document = document("rest:webshop:PENDING-" + i);
            AtomicReference<CompletableFuture<BusCopy>> consumer = new AtomicReference<>();
            tracker.admit(document, "durable", () ->
                    consumer.set(CompletableFuture.supplyAsync(() -> tracker.submitted(document, 1))));

            assertThat(consumer.get().get(30, TimeUnit.SECONDS)).as("copy %d", i).isEqualTo(BusCopy.TRACKED);
            assertThat(tracker.find(document.documentId()).orElseThrow().state()).isEqualTo(DocumentState.SUBMITTED);
        }
    }

    @Test
    void aCopyWhoseAdmissionNeverCommittedIsTrackedFromTheBus() {
        NewDocument orphan = document("rest:webshop:ORPHAN-1");

        assertThat(tracker.submitted(orphan, 1)).isEqualTo(BusCopy.UNTRACKED);

        TrackedDocument tracked = tracker.find(orphan.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.SUBMITTED);
        assertThat(tracked.history().get(0).detail()).contains("its admission did not commit");
        assertThat(tracker.submitted(orphan, 2)).as("its redelivery").isEqualTo(BusCopy.TRACKED);
    }

    @Test
    void aCopyWhoseKeyTheSendersRetryHoldsIsSupersededAndOnTheOwnersTimeline() {
        NewDocument retry = document("rest:webshop:RETRIED-1");
        tracker.admit(retry, "durable", () -> { });
        NewDocument orphan = document("rest:webshop:RETRIED-1");

        assertThat(tracker.submitted(orphan, 1)).isEqualTo(BusCopy.SUPERSEDED);

        assertThat(tracker.find(orphan.documentId())).as("no row for the superseded copy").isEmpty();
        assertThat(tracker.find(retry.documentId()).orElseThrow().state()).isEqualTo(DocumentState.RECEIVED);
        assertThat(timeline.of(retry.documentId())).anySatisfy(hop -> {
            assertThat(hop.step()).isEqualTo("superseded-copy");
            assertThat(hop.detail()).contains(orphan.documentId());
        });
    }

    @Test
    void aCopyOfAnAcceptedDocumentIsSettledWithoutChangingIt() {
        NewDocument document = document("rest:webshop:ACCEPTED-1");
        tracker.admit(document, "durable", () -> { });
        tracker.submitted(document, 1);
        tracker.settle(document.documentId(), DocumentState.ACCEPTED, "SO-1", null);

        assertThat(tracker.submitted(document, 2)).isEqualTo(BusCopy.SETTLED);

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.ACCEPTED);
        assertThat(tracked.attempts()).isEqualTo(1);
        assertThat(timeline.of(document.documentId())).anySatisfy(hop -> assertThat(hop.step()).isEqualTo("redelivered"));
    }

    private static NewDocument document(String key) {
        return new NewDocument(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "order",
                BusinessKey.parse(key), Instant.now());
    }
}
