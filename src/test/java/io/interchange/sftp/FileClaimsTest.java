package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.interchange.support.FileClaimRace;
import io.interchange.support.TrackingDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A partner file is claimed by one instance at a time, also when instances race for it or for an orphaned claim. */
class FileClaimsTest {

    private static final long MAX_AGE_MS = 60_000;

    private static HikariDataSource dataSource;
    private static HikariDataSource otherInstance;
    private static CamelContext context;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("file-claims-test");
        // a second instance: its own pool on the same database, so its own transactions
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        otherInstance = new HikariDataSource(config);
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void close() throws Exception {
        otherInstance.close();
        dataSource.close();
        context.close();
    }

    @Test
    void aClaimIsHeldUntilReleasedThenFreeAgain() {
        FileClaims a = new FileClaims(dataSource, context, MAX_AGE_MS, 10_000);
        FileClaims b = new FileClaims(otherInstance, context, MAX_AGE_MS, 10_000);

        assertThat(a.add("held-1")).isTrue();
        assertThat(b.add("held-1")).as("held by a, alive").isFalse();
        assertThat(a.add("held-1")).as("a second claim by the holder too").isFalse();
        assertThat(b.contains("held-1")).isTrue();

        assertThat(a.confirm("held-1")).isTrue();
        assertThat(b.contains("held-1")).as("released when the file is done").isFalse();
        assertThat(b.add("held-1")).as("the same name, size and time dropped again").isTrue();
    }

    @Test
    void anOrphanedClaimIsTakenOverAndCountsAsFree() {
        FileClaims a = new FileClaims(dataSource, context, MAX_AGE_MS, 10_000);
        FileClaims b = new FileClaims(otherInstance, context, MAX_AGE_MS, 10_000);
        assertThat(a.add("orphan-1")).isTrue();
        ageClaim("orphan-1", MAX_AGE_MS + 1_000); // a died: nobody renewed its claim

        assertThat(b.contains("orphan-1")).as("an orphan holds nothing").isFalse();
        assertThat(b.add("orphan-1")).as("taken over").isTrue();
        assertThat(a.add("orphan-1")).as("fresh again, now b's").isFalse();
    }

    @Test
    void ofInstancesRacingForANewClaimOrAnOrphanExactlyOneGetsIt() throws Exception {
        FileClaims a = new FileClaims(dataSource, context, MAX_AGE_MS, 10_000);
        FileClaims b = new FileClaims(otherInstance, context, MAX_AGE_MS, 10_000);
        FileClaimRace.exactlyOneWinsEachRound(a, b, 20, round -> "race-" + round + "-100-1796210655",
                key -> ageClaim(key, MAX_AGE_MS + 1_000));
    }

    @Test
    void aHeldClaimIsKeptAliveAndOneTakenOverToo() throws Exception {
        long maxAgeMs = 1_500;
        FileClaims a = new FileClaims(dataSource, context, maxAgeMs, 200);
        FileClaims b = new FileClaims(otherInstance, context, maxAgeMs, 200);
        a.start();
        b.start();
        try {
            assertThat(a.add("alive-1")).isTrue();
            // well past the max age, a's claim is still renewed: b never gets it
            await().during(Duration.ofMillis(3 * maxAgeMs)).atMost(Duration.ofSeconds(30))
                    .until(() -> !b.add("alive-1"));

            // an orphan b takes over is renewed by b from then on
            assertThat(b.add("taken-1")).isTrue();
            b.remove("taken-1");
            assertThat(a.add("taken-1")).isTrue();
            a.stop(); // a dies holding it: its claims are no longer renewed
            await().atMost(Duration.ofSeconds(30)).until(() -> b.add("taken-1"));
            FileClaims c = new FileClaims(dataSource, context, maxAgeMs, 200);
            await().during(Duration.ofMillis(3 * maxAgeMs)).atMost(Duration.ofSeconds(30))
                    .until(() -> !c.add("taken-1"));
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static void ageClaim(String key, long byMs) {
        int aged = new JdbcTemplate(dataSource).update("update CAMEL_MESSAGEPROCESSED set createdAt = dateadd('MILLISECOND', ?,"
                + " createdAt) where processorName = 'sftp-intake' and messageId = ?", -byMs, key);
        assertThat(aged).isEqualTo(1);
    }
}
