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
 * a crash can leave on the bus, for the usual copy that arrives before or while its admission records
 * it, and for two admissions of one business key at once.
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
    void aCopyConsumedWhileItsAdmissionRecordsItIsAlwaysItsOwnDocuments() throws Exception {
        // the consumer races the admission's record; whichever way each race goes, the copy is its own
        // document's, the admission is not a duplicate, and the history reads the same
        for (int i = 0; i < 100; i++) {
            NewDocument document = document("rest:webshop:PENDING-" + i);
            AtomicReference<CompletableFuture<BusCopy>> consumer = new AtomicReference<>();
            Admission admission = tracker.admit(document, "durable", () ->
                    consumer.set(CompletableFuture.supplyAsync(() -> tracker.submitted(document, 1))));

            assertThat(admission.duplicate()).as("admission %d", i).isFalse();
            assertThat(admission.documentId()).isEqualTo(document.documentId());
            assertThat(consumer.get().get(30, TimeUnit.SECONDS)).as("copy %d", i).isIn(BusCopy.TRACKED, BusCopy.UNTRACKED);
            TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
            assertThat(tracked.state()).isEqualTo(DocumentState.SUBMITTED);
            assertThat(tracked.history()).extracting(HistoryEntry::state)
                    .containsExactly(DocumentState.RECEIVED, DocumentState.SUBMITTED);
        }
    }

    @Test
    void anAdmissionWhoseCopyWasTrackedFromTheBusFirstStandsWithItsFingerprint() {
        NewDocument document = new NewDocument(UUID.randomUUID().toString(), "corr-1", "order",
                BusinessKey.parse("rest:webshop:EARLY-1"), Instant.now(), "fp-a");
        assertThat(tracker.known(document)).isEmpty();
        assertThat(tracker.submitted(document, 1)).as("consumed before its record").isEqualTo(BusCopy.UNTRACKED);

        Admission admission = tracker.record(document, "durable");

        assertThat(admission.duplicate()).isFalse();
        assertThat(admission.documentId()).isEqualTo(document.documentId());
        NewDocument otherContent = new NewDocument(UUID.randomUUID().toString(), "corr-2", "order",
                document.businessKey(), Instant.now(), "fp-b");
        assertThat(tracker.known(otherContent)).hasValueSatisfying(known -> {
            assertThat(known.documentId()).isEqualTo(document.documentId());
            assertThat(known.conflicting()).as("the fingerprint the record added").isTrue();
        });
    }

    @Test
    void ofTwoConcurrentAdmissionsOfOneKeyTheSecondRecordIsTheFirstsDuplicateAndItsCopySuperseded() {
        NewDocument first = document("rest:webshop:TWICE-1");
        NewDocument second = document("rest:webshop:TWICE-1");
        // both looked before either recorded, so both went on the bus
        assertThat(tracker.known(first)).isEmpty();
        assertThat(tracker.known(second)).isEmpty();

        assertThat(tracker.record(first, "durable").duplicate()).isFalse();
        Admission late = tracker.record(second, "durable");

        assertThat(late.duplicate()).isTrue();
        assertThat(late.documentId()).isEqualTo(first.documentId());
        assertThat(tracker.submitted(second, 1)).as("the second copy").isEqualTo(BusCopy.SUPERSEDED);
        assertThat(tracker.submitted(first, 1)).isEqualTo(BusCopy.TRACKED);
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
