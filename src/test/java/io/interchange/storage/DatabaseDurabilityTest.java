package io.interchange.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** H2 in a file runs without a write delay, so a kill -9 loses no committed transaction. */
class DatabaseDurabilityTest {

    @Test
    void theDefaultUrlTurnsH2sWriteDelayOff() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        Path dir = Files.createTempDirectory("h2-durability-");
        String url = defaults.getProperty("interchange.db.url").replace("{{interchange.data.dir}}", dir.toString());

        try (Connection connection = DriverManager.getConnection(DatabaseConfiguration.durable(url), "sa", "");
                ResultSet row = connection.createStatement().executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void anH2FileUrlWithoutAWriteDelayGetsNone() {
        assertThat(DatabaseConfiguration.durable("jdbc:h2:file:/var/lib/interchange/db"))
                .isEqualTo("jdbc:h2:file:/var/lib/interchange/db;WRITE_DELAY=0");
        assertThat(DatabaseConfiguration.durable("jdbc:h2:./data/db;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:./data/db;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void aUrlThatChoosesItsOwnWriteDelayOrIsNotAnH2FileIsKept() {
        assertThat(DatabaseConfiguration.durable("jdbc:h2:file:./db;write_delay=100")).isEqualTo("jdbc:h2:file:./db;write_delay=100");
        assertThat(DatabaseConfiguration.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(DatabaseConfiguration.durable("jdbc:postgresql://db/interchange")).isEqualTo("jdbc:postgresql://db/interchange");
    }
}
