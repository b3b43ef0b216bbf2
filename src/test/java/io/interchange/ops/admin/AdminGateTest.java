package io.interchange.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.api.ProblemException;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.interchange.security.LoginThrottle;
import io.interchange.support.TrackingDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets past the first step of an admin route, what the others are told, and what is audited. */
class AdminGateTest {

    private static HikariDataSource dataSource;
    private static AuditLog audit;
    private static AdminLogin login;

    @BeforeAll
    static void users(@TempDir Path dir) throws Exception {
        dataSource = TrackingDatabase.migrated("admin-gate");
        audit = new AuditLog(dataSource);
        Map<String, String> properties = Map.of(
                "interchange.admin.users", "olga:ops, vera:viewer",
                "interchange.admin.user.olga.password", "olga-secret",
                "interchange.admin.user.vera.password", "vera-secret");
        AdminUsers users = AdminUsers.fromProperties(name -> Optional.ofNullable(properties.get(name)),
                dir.resolve("unused"));
        login = new AdminLogin(users, new LoginThrottle(LoginThrottle.Settings.defaults()));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void anOpsUserPassesAnOpsGateAndIsNamedAsTheActorWithoutItsCredentialsLeftOnTheMessage() throws Exception {
        Exchange exchange = request("POST", "/admin/v1/dead-letters/replay", basic("olga", "olga-secret"));

        new AdminGate(login, AdminRole.OPS, audit).process(exchange);

        assertThat(AdminGate.actor(exchange)).isEqualTo("olga");
        assertThat(AdminGate.user(exchange)).isEqualTo(new AdminUser("olga", AdminRole.OPS));
        assertThat(exchange.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void anOpsUserMayDoWhatAViewerMay() throws Exception {
        Exchange exchange = request("GET", "/admin/v1/documents", basic("olga", "olga-secret"));

        new AdminGate(login, AdminRole.VIEWER, audit).process(exchange);

        assertThat(AdminGate.actor(exchange)).isEqualTo("olga");
    }

    @Test
    void aViewerAtAnOpsGateIsForbiddenAndTheRefusalIsAudited() {
        Instant before = Instant.now().minusSeconds(1);
        Exchange exchange = request("POST", "/admin/v1/intakes/sftp-acme/suspend", basic("vera", "vera-secret"));

        assertThatThrownBy(() -> new AdminGate(login, AdminRole.OPS, audit).process(exchange))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(403);
                    assertThat(refused.problem().detail()).contains("vera", "viewer", "ops");
                });
        assertThat(exchange.getMessage().getHeader("Authorization")).isNull();
        assertThat(audit.list("vera", "access", null, before, null, 10))
                .extracting(AuditEntry::target, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST /admin/v1/intakes/sftp-acme/suspend", "denied"));
        assertThat(AdminGate.actor(exchange)).as("no actor for a refused caller").isEqualTo("unknown");
    }

    @Test
    void noOrWrongCredentialsAre401() {
        for (String authorization : new String[] {null, basic("olga", "not-her-password"), "Bearer abc"}) {
            Exchange exchange = request("GET", "/admin/v1/documents", authorization);

            assertThatThrownBy(() -> new AdminGate(login, AdminRole.VIEWER, audit).process(exchange))
                    .as("Authorization: %s", authorization)
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            refused -> assertThat(refused.problem().status()).isEqualTo(401));
        }
    }

    private static Exchange request(String method, String path, String authorization) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader("Authorization", authorization);
        return exchange;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
