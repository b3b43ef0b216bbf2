package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.interchange.sftp.FileClaims;
import io.interchange.support.AdminClient;
import io.interchange.support.EdiSamples;
import io.interchange.support.FileClaimRace;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.OutboundFolder;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operations store (audit log, timeline hops, suspensions) on a real PostgreSQL server, in the
 * {@code postgres} profile like {@link PostgresStoreIT}: dead letters replayed and audited, a timeline
 * read back, an intake suspended and resumed, expired delivery ids purged by housekeeping, a partner
 * file acknowledged with its acknowledgement on the timeline, file claims raced for by two pools.
 */
@Tag("postgres")
class PostgresOpsStoreIT {

    private static final String SERVER = System.getenv("INTERCHANGE_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_USER", "interchange");
    private static final String PASSWORD = System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_PASSWORD", "interchange");
    private static final String DATABASE = "interchange_ops_it_" + System.currentTimeMillis();

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient ops;
    private static final int SFTP_PORT = FreePorts.next();

    @BeforeAll
    static void start() throws Exception {
        execute("create database " + DATABASE);
        erp = TestErp.start();
        Map<String, String> properties = new HashMap<>(Map.ofEntries(
                Map.entry("interchange.db.url", SERVER.replaceAll("/[^/]*$", "/" + DATABASE)),
                Map.entry("interchange.db.username", USER),
                Map.entry("interchange.db.password", PASSWORD),
                Map.entry("interchange.processing.max-attempts", "2"),
                Map.entry("interchange.processing.redelivery-delay-ms", "100"),
                Map.entry("interchange.erp.breaker.minimum-calls", "1000"),
                Map.entry("interchange.housekeeping.delay-ms", "1000"),
                Map.entry("interchange.housekeeping.period-ms", "500"),
                Map.entry("interchange.housekeeping.batch-size", "2"),
                Map.entry("interchange.admin.users", "olga:ops"),
                Map.entry("interchange.admin.user.olga.password", "olga-secret")));
        properties.putAll(PartnerRegistryFile.create().dropBoxProperties(SFTP_PORT));
        interchange = RunningInterchange.start(erp, properties);
        ops = AdminClient.as(interchange, "olga", "olga-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        interchange.close();
        erp.close();
        execute("drop database if exists " + DATABASE);
    }

    @Test
    void deadLetterIsReplayedAuditedAndItsTimelineReadOnPostgres() {
        erp.fail(503, -1);
        String documentId = Http.json(interchange.http().postJson("/api/v1/orders", Orders.json("pg-shop", "PGO-1")))
                .path("documentId").asText();
        awaitState(interchange.http(), documentId, "dead-lettered");
        // the state is written just before the JMS transaction that moves the order to the DLQ commits
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ops.getJson("/admin/v1/dead-letters?partner=pg-shop").path("matched").asInt() == 1);
        erp.heal();

        JsonNode replayed = ops.postJson("/admin/v1/dead-letters/replay", "{\"partner\":\"pg-shop\"}");

        assertThat(replayed.path("ok").asInt()).isEqualTo(1);
        awaitState(interchange.http(), documentId, "accepted");
        assertThat(erp.ordersFor("PGO-1")).hasSize(1);
        assertThat(ops.getJson("/admin/v1/audit?action=replay&target=" + documentId).path("entries")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.getJson("/admin/v1/documents/" + documentId)
                .path("timeline").findValuesAsText("step").contains("event-published"));
        assertThat(ops.getJson("/admin/v1/documents/" + documentId).path("timeline").findValuesAsText("step"))
                .contains("dead-lettered", "replayed", "accepted");
        assertThat(ops.getJson("/admin/v1/dead-letters?partner=pg-shop").path("matched").asInt()).isZero();
    }

    @Test
    void partnerFileIsAcknowledgedAndTheAcknowledgementIsOnTheTimelineOnPostgres() throws Exception {
        try (SftpAccount acme = SftpAccount.login(SFTP_PORT, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/pg-ops.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 4242, "PGE"));

            assertThat(OutboundFolder.take(acme, "997-", "AK1*PO*101")).contains("AK9*A*1*1*1");
            await().atMost(Duration.ofSeconds(30)).until(() -> acme.list("inbound").isEmpty());
            assertThat(acme.list("outbound")).noneMatch(name -> name.startsWith("TA1-"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> erp.ordersFor("PGE-4711").size() == 1);
        String documentId = ops.getJson("/admin/v1/documents?partnerId=acme&externalNumber=PGE-4711")
                .path("documents").get(0).path("documentId").asText();
        // recorded with one insert ... select over the file's transactions (it once failed on PostgreSQL only)
        assertThat(ops.getJson("/admin/v1/documents/" + documentId).path("timeline").findValuesAsText("step"))
                .containsSubsequence("file-received", "acknowledgement-sent");
    }

    @Test
    void suspensionIsStoredOnPostgres() {
        assertThat(ops.postJson("/admin/v1/intakes/rest/suspend", "{\"reason\":\"pg\"}").path("suspension").path("by").asText())
                .isEqualTo("olga");

        assertThat(ops.postJson("/admin/v1/intakes/rest/resume", "").path("suspended").asBoolean()).isFalse();
    }

    @Test
    void housekeepingRemovesExpiredDeliveryIdsOnPostgres() throws Exception {
        DataSource dataSource = interchange.bean("dataSource", DataSource.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) values (?, ?, ?)")) {
            for (String id : new String[] {"pg:old-1", "pg:old-2", "pg:old-3", "pg:recent"}) {
                insert.setString(1, "webhook-deliveries");
                insert.setString(2, id);
                insert.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofDays(id.contains("old") ? 31 : 1))));
                insert.executeUpdate();
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryIds(dataSource).equals(List.of("pg:recent")));
    }

    @Test
    void ofTwoInstancesRacingForAFileClaimOrAnOrphanedOneExactlyOneGetsItOnPostgres() throws Exception {
        DataSource dataSource = interchange.bean("dataSource", DataSource.class);
        long maxAgeMs = 60_000;
        FileClaims a = new FileClaims(dataSource, interchange.context(), maxAgeMs, 10_000);
        // the other instance: its own pool on the same database
        try (HikariDataSource otherPool = otherInstancePool()) {
            FileClaims b = new FileClaims(otherPool, interchange.context(), maxAgeMs, 10_000);
            FileClaimRace.exactlyOneWinsEachRound(a, b, 10, round -> "pg-race-" + round + ".edi-300-1796210655",
                    key -> execute("update CAMEL_MESSAGEPROCESSED set createdAt = createdAt - interval '2 minutes'"
                            + " where processorName = 'sftp-intake' and messageId = '" + key + "'", DATABASE));
        }
    }

    private static HikariDataSource otherInstancePool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER.replaceAll("/[^/]*$", "/" + DATABASE));
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static List<String> deliveryIds(DataSource dataSource) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select messageId from CAMEL_MESSAGEPROCESSED "
                        + "where processorName = 'webhook-deliveries' and messageId like 'pg:%' order by messageId")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code sql} in {@code database} of the server. */
    private static void execute(String sql, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER.replaceAll("/[^/]*$", "/" + database), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }
}
