package io.interchange.ops.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management agent's access file, as the agent reads it (a properties file: user, then level). */
class JmxAccessFileTest {

    @TempDir
    Path dir;

    @Test
    void viewersReadOnlyOpsReadAndWriteAndNoRoleReadsAsAUser() throws IOException {
        Path file = JmxAccessFile.write(dir.resolve("jmx/jmxremote.access"),
                List.of(new AdminUser("olga", AdminRole.OPS), new AdminUser("vera", AdminRole.VIEWER)));

        Properties access = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            access.load(reader);
        }
        assertThat(access).containsOnly(java.util.Map.entry("olga", "readwrite"), java.util.Map.entry("vera", "readonly"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(access).doesNotContainKeys(new AdminRolePrincipal(AdminRole.OPS).getName(),
                new AdminRolePrincipal(AdminRole.VIEWER).getName());
    }
}
