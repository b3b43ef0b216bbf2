package io.interchange;

import static io.interchange.OrderApiIT.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tracking store and idempotent repository on a real PostgreSQL server: migrations, the
 * business-key constraint under concurrency, and a restart. Runs in the {@code postgres} Maven
 * profile, which is active when INTERCHANGE_TEST_POSTGRES_URL names a server whose user may create
 * databases (.ci/run installs and starts one).
 */
@Tag("postgres")
class PostgresStoreIT {

    private static final String SERVER = System.getenv("INTERCHANGE_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_USER", "interchange");
    private static final String PASSWORD = System.getenv().getOrDefault("INTERCHANGE_TEST_POSTGRES_PASSWORD", "interchange");
    private static final String DATABASE = "interchange_it_" + System.currentTimeMillis();

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;

    @BeforeAll
    static void start() throws Exception {
        execute("create database " + DATABASE);
        erp = TestErp.start();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.db.url", SERVER.replaceAll("/[^/]*$", "/" + DATABASE),
                "interchange.db.username", USER,
                "interchange.db.password", PASSWORD));
        api = interchange.http();
    }

    @AfterAll
    static void stop() throws Exception {
        interchange.close();
        erp.close();
        execute("drop database if exists " + DATABASE);
    }

    @Test
    void orderIsTrackedInPostgresFromReceiptToTheErpAnswer() {
        String documentId = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "PG-1"))).path("documentId").asText();

        JsonNode tracked = awaitState(api, documentId, "accepted");

        assertThat(tracked.path("history").findValuesAsText("state")).containsExactly("received", "submitted", "accepted");
        assertThat(interchange.http().get("/observe/health?data=true").body()).contains("PostgreSQL");
    }

    @Test
    void twentyConcurrentPostsMakeOneDocumentAndOneErpOrder() throws Exception {
        List<String> documentIds = api.postJsonConcurrently("/api/v1/orders", Orders.json("webshop", "PG-2"), 20).stream()
                .map(r -> Http.json(r).path("documentId").asText()).toList();

        assertThat(documentIds).containsOnly(documentIds.get(0));
        awaitState(api, documentIds.get(0), "accepted");
        assertThat(erp.ordersFor("PG-2")).hasSize(1);
    }

    @Test
    void trackingSurvivesARestartOnPostgres() {
        String documentId = Http.json(api.postJson("/api/v1/orders", Orders.json("webshop", "PG-3"))).path("documentId").asText();
        String erpOrderNumber = awaitState(api, documentId, "accepted").path("erpOrderNumber").asText();

        interchange.restart();

        assertThat(Http.json(interchange.http().get("/api/v1/orders/" + documentId)).path("erpOrderNumber").asText())
                .isEqualTo(erpOrderNumber);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
