package io.interchange.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.interchange.model.BusinessKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admission's answer to a known business key: a retry (same fingerprint) or a conflict. */
class DocumentTrackerConflictTest {

    private static final BusinessKey KEY = new BusinessKey("rest", "webshop", "C-1");
    private DocumentTracker tracker;
    private final AtomicInteger enqueued = new AtomicInteger();

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:conflict-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        tracker = new DocumentTracker(dataSource, "test-node");
    }

    @Test
    void sameContentIsADuplicateOfTheOriginal() {
        Admission first = admit("doc-1", "fp-a");
        Admission again = admit("doc-2", "fp-a");

        assertThat(first.duplicate()).isFalse();
        assertThat(again).isEqualTo(new Admission("doc-1", "corr-doc-1", true, false));
        assertThat(enqueued).hasValue(1);
    }

    @Test
    void otherContentIsAConflictNamingTheOriginalAndEnqueuesNothing() {
        admit("doc-1", "fp-a");

        Admission changed = admit("doc-2", "fp-b");

        assertThat(changed).isEqualTo(new Admission("doc-1", "corr-doc-1", true, true));
        assertThat(enqueued).hasValue(1);
        assertThat(tracker.find("doc-2")).isEmpty();
    }

    @Test
    void withoutAFingerprintOnEitherSideItIsTheDuplicateAnswerAsBefore() {
        admit("doc-1", null);

        assertThat(admit("doc-2", "fp-b").conflicting()).isFalse();
        assertThat(admit("doc-3", null).conflicting()).isFalse();
    }

    private Admission admit(String documentId, String fingerprint) {
        return tracker.admit(new NewDocument(documentId, "corr-" + documentId, "order", KEY, Instant.now(), fingerprint),
                "test", enqueued::incrementAndGet);
    }
}
