package io.interchange.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentState;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order's attempt and its outcome in one transaction: the copy is judged with a read only, and
 * the attempt, the state and the settled key (insert-only, unique) commit together, once.
 */
class DocumentTrackerSettlementTest {

    private static final String SETTLED = "erp-orders";

    private static HikariDataSource dataSource;
    private static DocumentTracker tracker;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("tracker-settlement-test");
        tracker = new DocumentTracker(dataSource, "test-node");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aTrackedCopyIsJudgedWithoutWritingAnything() {
        NewDocument document = admitted("rest:webshop:TAKEN-1");

        assertThat(tracker.taken(document, 1)).isEqualTo(BusCopy.TRACKED);

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.RECEIVED);
        assertThat(tracked.history()).extracting(HistoryEntry::state).containsExactly(DocumentState.RECEIVED);
    }

    @Test
    void theAttemptAndItsAnswerCommitTogetherWithTheSettledKey() {
        NewDocument document = admitted("rest:webshop:ONCE-1");
        Instant started = Instant.now();

        assertThat(tracker.settleOnce(document.documentId(), new AttemptStart(1, started), DocumentState.ACCEPTED,
                "SO-1", null, SETTLED)).isTrue();

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.ACCEPTED);
        assertThat(tracked.erpOrderNumber()).isEqualTo("SO-1");
        assertThat(tracked.attempts()).isEqualTo(1);
        assertThat(tracked.history()).extracting(HistoryEntry::state)
                .containsExactly(DocumentState.RECEIVED, DocumentState.SUBMITTED, DocumentState.ACCEPTED);
        assertThat(tracked.history().get(1).detail()).isEqualTo("attempt 1");
        assertThat(tracked.history().get(1).at()).as("when the call started").isBeforeOrEqualTo(tracked.history().get(2).at());
        assertThat(settledKeys(document.documentId())).isEqualTo(1);
        assertThat(tracker.taken(document, 2)).as("its next copy").isEqualTo(BusCopy.SETTLED);
    }

    @Test
    void aSecondSettlementOfTheSameOrderWritesNothing() {
        NewDocument document = admitted("rest:webshop:ONCE-2");
        tracker.settleOnce(document.documentId(), new AttemptStart(1, Instant.now()), DocumentState.ACCEPTED,
                "SO-2", null, SETTLED);

        assertThat(tracker.settleOnce(document.documentId(), new AttemptStart(2, Instant.now()), DocumentState.REJECTED,
                null, "ERP 422: too late", SETTLED)).isFalse();

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.ACCEPTED);
        assertThat(tracked.attempts()).isEqualTo(1);
        assertThat(tracked.history()).hasSize(3);
    }

    @Test
    void copiesSettlingAtOnceSettleTheOrderOnce() throws Exception {
        NewDocument document = admitted("rest:webshop:ONCE-3");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> copies = IntStream.rangeClosed(1, 4).mapToObj(copy -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tracker.settleOnce(document.documentId(), new AttemptStart(copy, Instant.now()), DocumentState.ACCEPTED,
                    "SO-3", null, SETTLED);
        })).toList();
        go.countDown();

        List<Boolean> settled = copies.stream().map(copy -> copy.orTimeout(30, TimeUnit.SECONDS).join()).toList();
        assertThat(settled).containsOnlyOnce(true);
        assertThat(tracker.find(document.documentId()).orElseThrow().history()).extracting(HistoryEntry::state)
                .containsExactly(DocumentState.RECEIVED, DocumentState.SUBMITTED, DocumentState.ACCEPTED);
    }

    @Test
    void aFailedAttemptIsWrittenWithItsStart() {
        NewDocument document = admitted("rest:webshop:FAILED-1");

        tracker.attemptFailed(document.documentId(), new AttemptStart(1, Instant.now()), "attempt 1 failed: ERP 503");

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.SUBMITTED);
        assertThat(tracked.attempts()).isEqualTo(1);
        assertThat(tracked.history()).extracting(HistoryEntry::detail)
                .containsExactly("durable", "attempt 1", "attempt 1 failed: ERP 503");
        assertThat(settledKeys(document.documentId())).isZero();
    }

    @Test
    void aDeadLetterIsWrittenWithItsAttemptsStart() {
        NewDocument document = admitted("rest:webshop:DEAD-1");

        tracker.settle(document.documentId(), new AttemptStart(5, Instant.now()), DocumentState.DEAD_LETTERED, null,
                "dead-lettered after 5 attempts: ERP 503");

        TrackedDocument tracked = tracker.find(document.documentId()).orElseThrow();
        assertThat(tracked.state()).isEqualTo(DocumentState.DEAD_LETTERED);
        assertThat(tracked.attempts()).isEqualTo(5);
        assertThat(tracked.history()).extracting(HistoryEntry::state)
                .containsExactly(DocumentState.RECEIVED, DocumentState.SUBMITTED, DocumentState.DEAD_LETTERED);
    }

    @Test
    void aCopyTakenWhileItsAdmissionCommitsIsTracked() throws Exception {
        for (int i = 0; i < 50; i++) {
            NewDocument document = document("rest:webshop:RACE-" + i);
            AtomicReference<CompletableFuture<BusCopy>> consumer = new AtomicReference<>();
            tracker.admit(document, "durable", () ->
                    consumer.set(CompletableFuture.supplyAsync(() -> tracker.taken(document, 1))));

            assertThat(consumer.get().get(30, TimeUnit.SECONDS)).as("copy %d", i).isEqualTo(BusCopy.TRACKED);
        }
    }

    private static int settledKeys(String documentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from CAMEL_MESSAGEPROCESSED where processorName = ? and messageId = ?")) {
            query.setString(1, SETTLED);
            query.setString(2, documentId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static NewDocument admitted(String key) {
        NewDocument document = document(key);
        tracker.admit(document, "durable", () -> { });
        return document;
    }

    private static NewDocument document(String key) {
        return new NewDocument(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "order",
                BusinessKey.parse(key), Instant.now());
    }
}
