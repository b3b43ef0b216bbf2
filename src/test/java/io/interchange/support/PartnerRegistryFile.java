package io.interchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.interchange.partner.PasswordHash;

/**
 * A partner registry of a test's own, written to a temp file: the example partners of the
 * repository with passwords the test knows (cheap hashes, so logins are fast), against the
 * repository's mapping files.
 */
public final class PartnerRegistryFile {

    public static final String PASSWORD = "test-partner-secret";

    private final Path file;

    private PartnerRegistryFile(Path file) {
        this.file = file;
    }

    public static PartnerRegistryFile create() {
        try {
            Path file = Files.createTempFile("partners-", ".yaml");
            PartnerRegistryFile registry = new PartnerRegistryFile(file);
            registry.write(examplePartners(""));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return file;
    }

    public void write(String yaml) {
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime properties of an EDI test: this registry, the drop box on {@code sftpPort} with a
     * known service password, and polls and read locks of 300 ms so files are taken at once.
     */
    public Map<String, String> dropBoxProperties(int sftpPort) {
        return Map.of(
                "interchange.partners.file", path().toString(),
                "interchange.sftp.port", String.valueOf(sftpPort),
                "interchange.sftp.service-password", "test-service-secret",
                "interchange.sftp.intake.poll-ms", "300",
                "interchange.sftp.intake.read-lock-check-ms", "300",
                "interchange.sftp.intake.read-lock-min-age-ms", "300",
                // a test's client session may wait idle for minutes on a loaded machine
                "interchange.sftp.session.idle-timeout-seconds", "3600");
    }

    public static String hash() {
        return PasswordHash.of(PASSWORD, 10_000);
    }

    /** acme (X12 004010, 997, TA1 on duplicates), globex-us (X12 005010, 999), globex-eu (EDIFACT, CONTRL), plus {@code extra}. */
    public static String examplePartners(String extra) {
        String hash = hash();
        return """
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE }
                  edifact: { id: INTERCHANGE, qualifier: "14" }
                partners:
                  - id: acme
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: ACMEPARTNER }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: acme/x12-850.jslt, order-response: acme/x12-855.jslt }
                    acknowledgements: { type: "997", reject: transaction, duplicate: ta1 }
                    max-file-bytes: 2000000
                  - id: globex-us
                    standard: x12
                    version: "005010"
                    x12: { qualifier: ZZ, id: GLOBEXUS }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: globex-us/x12-850.jslt, order-response: globex-us/x12-855.jslt }
                    acknowledgements: { type: "999", duplicate: log }
                  - id: globex-eu
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXEU, qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: globex-eu/edifact-orders.jslt, order-response: globex-eu/edifact-ordrsp.jslt }
                    acknowledgements: { type: CONTRL }
                """.formatted(hash) + extra;
    }
}
