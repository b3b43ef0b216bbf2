package io.interchange.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminUsersTest {

    @TempDir
    Path dir;

    @Test
    void usersComeWithTheirRolesAndPasswordsFromPropertiesOrSecretFiles() throws Exception {
        Path secret = dir.resolve("bob.secret");
        Files.writeString(secret, "bob-from-file\n", StandardCharsets.UTF_8);
        AdminUsers users = AdminUsers.fromProperties(properties(Map.of(
                "interchange.admin.users", "alice:ops, bob:viewer",
                "interchange.admin.user.alice.password", "alice-secret",
                "interchange.admin.user.bob.password-file", secret.toString())), dir.resolve("unused"));

        assertThat(users.authenticate("alice", "alice-secret")).contains(new AdminUser("alice", AdminRole.OPS));
        assertThat(users.authenticate("bob", "bob-from-file")).contains(new AdminUser("bob", AdminRole.VIEWER));
        assertThat(users.authenticate("alice", "bob-from-file")).isEmpty();
        assertThat(users.authenticate("mallory", "alice-secret")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    @Test
    void withoutConfiguredUsersOneOpsUserGetsARandomPasswordOnlyTheOwnerCanRead() throws Exception {
        Path file = dir.resolve("data/admin-password");

        AdminUsers first = AdminUsers.fromProperties(properties(Map.of()), file);
        String password = Files.readString(file).strip();
        AdminUsers second = AdminUsers.fromProperties(properties(Map.of()), file);

        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first.authenticate("ops", password)).contains(new AdminUser("ops", AdminRole.OPS));
        assertThat(second.authenticate("ops", password)).as("kept across restarts").isPresent();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aUserWithoutPasswordOrAnUnknownRoleStopsTheStart() {
        assertThatThrownBy(() -> AdminUsers.fromProperties(properties(Map.of("interchange.admin.users", "carol:ops")), dir))
                .hasMessageContaining("INTERCHANGE_ADMIN_USER_CAROL_PASSWORD");
        assertThatThrownBy(() -> AdminUsers.fromProperties(properties(Map.of("interchange.admin.users", "carol:root",
                "interchange.admin.user.carol.password", "x")), dir)).hasMessageContaining("root");
        assertThatThrownBy(() -> AdminUsers.fromProperties(properties(Map.of("interchange.admin.users", "Carol Smith:ops")), dir))
                .hasMessageContaining("name:role");
    }

    @Test
    void basicCredentialsAreReadFromTheAuthorizationHeaderAndNeverPrinted() {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicCredentials.parse(header)).contains(new BasicCredentials("alice", "pa:ss"));
        assertThat(BasicCredentials.parse(header).orElseThrow().toString()).doesNotContain("pa:ss");
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse(null)).isEmpty();
    }

    private static Function<String, Optional<String>> properties(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
