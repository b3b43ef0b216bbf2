package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.interchange.support.DeadLetterCount;
import io.interchange.support.ErpBookings;
import io.interchange.support.Http;
import io.interchange.support.InterchangeProcess;
import io.interchange.support.Orders;
import io.interchange.support.ResendingClients;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The promise under {@code kill -9}: Interchange runs as a process of its own, the ERP outside it (in
 * this JVM), 8 clients post a few thousand orders and retry, with the same order, whatever got no
 * answer. The process is killed twice, once while orders pour in and once while processing lags
 * behind a slow ERP, and restarted on the same data directory each time. Every order that was
 * answered is booked exactly once, findable, and no dead letter was written.
 */
@Tag("crash-recovery")
class CrashRecoveryIT {

    private static final int ORDERS = Integer.getInteger("crash.orders", 2_000);
    private static final int CLIENTS = 8;
    private static final String PARTNER = "crash";

    private static TestErp erp;
    private static InterchangeProcess interchange;

    @BeforeAll
    static void start() throws Exception {
        erp = TestErp.start();
        Map<String, String> properties = new HashMap<>();
        properties.put("interchange.erp.url", erp.apiUrl());
        properties.put("interchange.erp.username", TestErp.USERNAME);
        properties.put("interchange.erp.password", TestErp.PASSWORD);
        properties.put("interchange.processing.redelivery-delay-ms", "200");
        properties.put("interchange.processing.redelivery-max-delay-ms", "2000");
        Path dataDir = Files.createTempDirectory("interchange-crash-");
        // no EDI partners and no Jolokia: less to start on each of the three boots
        Path partners = Files.writeString(dataDir.resolve("partners.yaml"), """
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE, group-id: INTERCHANGE }
                  edifact: { id: INTERCHANGE, qualifier: "14" }
                partners: []
                """);
        properties.put("interchange.partners.file", partners.toString());
        properties.put("interchange.jolokia.enabled", "false");
        interchange = new InterchangeProcess(dataDir, Path.of("target", "crash-recovery"), properties);
        interchange.start();
    }

    @AfterAll
    static void stop() {
        if (interchange != null) {
            interchange.close();
        }
        if (erp != null) {
            erp.close();
        }
    }

    @Test
    void everyAnsweredOrderIsBookedOnceAndFindableAfterTwoKills() throws Exception {
        // processing behind admission: an ERP slower than the clients until the second kill
        erp.slowDown(150);
        Http api = interchange.http();
        ResendingClients clients = new ResendingClients("REST clients", ORDERS,
                (index, attempt) -> api.postJson("/api/v1/orders", Orders.json(PARTNER, number(index)))).start(CLIENTS);

        clients.awaitAnswered(ORDERS / 4, Duration.ofMinutes(3));
        interchange.kill();
        int answeredAtFirstKill = clients.answered();
        interchange.start();

        clients.awaitAnswered(ORDERS * 3 / 5, Duration.ofMinutes(3));
        int backlogAtSecondKill = clients.answered() - erp.allOrders().size();
        interchange.kill();
        erp.heal();
        interchange.start();

        clients.awaitAll(Duration.ofMinutes(5));
        await("every answered order at the ERP").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> erp.allOrders().size() >= ORDERS);

        ErpBookings bookings = ErpBookings.of(erp);
        int lost = bookings.lost(ORDERS, CrashRecoveryIT::number);
        int duplicated = bookings.duplicated(ORDERS, CrashRecoveryIT::number);
        Map<Integer, ResendingClients.Answer> answers = clients.answers();
        await("every answered order accepted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> answers.values().stream().allMatch(answer -> "accepted".equals(
                        Http.json(api.get("/api/v1/orders/" + answer.documentId())).path("state").asText())));
        int deadLetters = DeadLetterCount.of(interchange);
        long accepted202 = answers.values().stream().filter(answer -> answer.status() == 202).count();

        System.out.printf("CRASH RECOVERY: orders=%d clients=%d kills=2 (pid kills at %d answered and with a backlog of %d)"
                        + " answered202=%d answered200duplicate=%d clientRetries=%d booked=%d lost=%d duplicated=%d"
                        + " falseDeadLetters=%d%n", ORDERS, CLIENTS, answeredAtFirstKill, backlogAtSecondKill, accepted202,
                ORDERS - accepted202, clients.resends(), bookings.distinct(), lost, duplicated, deadLetters);

        assertThat(answers).hasSize(ORDERS);
        assertThat(backlogAtSecondKill).as("processing was behind at the second kill").isPositive();
        assertThat(lost).as("answered orders never booked").isZero();
        assertThat(duplicated).as("orders booked twice").isZero();
        assertThat(bookings.distinct()).isEqualTo(ORDERS);
        assertThat(deadLetters).as("dead letters").isZero();
    }

    private static String number(int i) {
        return "CR-" + i;
    }
}
