package io.interchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFoldersTest {

    @TempDir
    Path elsewhere;

    @Test
    void aMissingRoutesFolderIsNamedWithItsPropertyAndThePathLookedAt() {
        String missing = elsewhere.resolve("routes").toString();

        assertThatThrownBy(() -> RuntimeFolders.require("interchange.routes.dir", missing))
                .isInstanceOf(RuntimeFolders.MissingFolderException.class)
                .hasMessageStartingWith("interchange.routes.dir=" + missing + ": no folder at " + missing)
                .hasMessageContaining("INTERCHANGE_ROUTES_DIR")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theRepositoryFoldersAreFound() {
        assertThatCode(() -> RuntimeFolders.require("interchange.routes.dir", "routes")).doesNotThrowAnyException();
        assertThatCode(() -> RuntimeFolders.require("interchange.mappings.dir", "mappings")).doesNotThrowAnyException();
    }
}
