package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropBoxLayoutTest {

    @TempDir
    Path data;

    @Test
    void partnerFoldersAreOpenToTheOwnerAndReadableByItsGroupOnly() throws Exception {
        DropBoxLayout layout = new DropBoxLayout(data.resolve("sftp"));

        layout.prepare("acme");

        for (Path folder : new Path[] {layout.partnerHome("acme"), layout.partnerHome("acme").resolve("inbound"),
                layout.partnerHome("acme").resolve("outbound"), layout.root().resolve("archive/acme"),
                layout.root().resolve("error/acme")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
                    .isEqualTo("rwxr-x---");
        }
    }

    @Test
    void preparingAgainKeepsWhatIsThere() throws Exception {
        DropBoxLayout layout = new DropBoxLayout(data.resolve("sftp"));
        layout.prepare("acme");
        Files.writeString(layout.partnerHome("acme").resolve("inbound/po.edi"), "ISA");

        layout.prepare("acme");

        assertThat(layout.partnerHome("acme").resolve("inbound/po.edi")).hasContent("ISA");
    }
}
