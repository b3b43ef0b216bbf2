package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.interchange.partner.InvalidRegistryException;
import io.interchange.partner.PartnerRegistryParser;
import io.interchange.partner.PartnerRegistryWatcher;
import io.interchange.support.FreePorts;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ops edit mappings/partners.yaml on a running Interchange: partners come, change and go without
 * a restart; a broken file is refused and the partners in force keep working. Partners log in to
 * the drop box with a real SFTP client and see only their own folders.
 */
class PartnerRegistryIT {

    private static final String NEW_PARTNER = """
              - id: initech
                standard: x12
                version: "004010"
                x12: { qualifier: "01", id: "123456789" }
                transport: { type: dropbox, password-hash: "%s" }
                mappings: { order: acme/x12-850.jslt }
            """;

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static PartnerRegistryFile registry;
    private static int sftpPort;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        registry = PartnerRegistryFile.create();
        sftpPort = FreePorts.next();
        interchange = RunningInterchange.start(erp, Map.of(
                "interchange.partners.file", registry.path().toString(),
                "interchange.reload.poll-ms", "200",
                "interchange.sftp.port", String.valueOf(sftpPort)));
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-acme") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void partnerAccountSeesOnlyItsOwnInboundAndOutbound() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(acme.pwd()).isEqualTo("/");
            assertThat(acme.list("/")).containsExactly("inbound", "outbound");
            assertThat(acme.list("/..")).containsExactly("inbound", "outbound");
            assertThat(acme.listQuietly("/../../archive")).isEmpty();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> SftpAccount.login(sftpPort, "acme", "guess")).hasMessageContaining("Auth fail");
        assertThatThrownBy(() -> SftpAccount.login(sftpPort, "nobody", PartnerRegistryFile.PASSWORD)).hasMessageContaining("Auth fail");
    }

    @Test
    void partnerAddedToTheRegistryIsLiveWithoutRestartAndGoneWhenRemoved() throws Exception {
        registry.write(PartnerRegistryFile.examplePartners(NEW_PARTNER.formatted(PartnerRegistryFile.hash())));

        await().atMost(Duration.ofSeconds(10)).until(() -> interchange.context().getRoute("intake-sftp-initech") != null);
        try (SftpAccount initech = SftpAccount.login(sftpPort, "initech", PartnerRegistryFile.PASSWORD)) {
            assertThat(initech.list("/")).containsExactly("inbound", "outbound");
        }

        registry.write(PartnerRegistryFile.examplePartners(""));

        await().atMost(Duration.ofSeconds(10)).until(() -> interchange.context().getRoute("intake-sftp-initech") == null);
        assertThatThrownBy(() -> SftpAccount.login(sftpPort, "initech", PartnerRegistryFile.PASSWORD)).hasMessageContaining("Auth fail");
        assertThat(interchange.context().getRoute("intake-sftp-acme")).isNotNull();
    }

    @Test
    void invalidRegistryIsRefusedAndRunningPartnersKeepWorking() throws Exception {
        PartnerRegistryWatcher watcher = interchange.bean("partnerRegistryWatcher", PartnerRegistryWatcher.class);
        registry.write(PartnerRegistryFile.examplePartners(NEW_PARTNER.formatted("not-a-hash")).replace("version: D96A", "version: D99Z"));

        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastProblem() != null);
        assertThat(watcher.lastProblem())
                .contains("partners[2] (globex-eu).version: 'D99Z' is not a supported EDIFACT version")
                .contains("partners[3] (initech).transport.password-hash: must look like pbkdf2-sha256");
        assertThat(interchange.context().getRoute("intake-sftp-initech")).isNull();
        assertThat(interchange.context().getRoute("intake-sftp-globex-eu")).isNotNull();
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(acme.list("/")).contains("inbound");
        }

        registry.write(PartnerRegistryFile.examplePartners(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastProblem() == null);
    }

    @Test
    void registryParserNamesEveryProblemWithItsPlace() throws Exception {
        Path file = Files.createTempFile("partners-", ".yaml");
        Files.writeString(file, """
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE }
                  edifact: { id: INTERCHANGE }
                partners:
                  - id: Bad_Id
                    standard: x12
                    version: 4010
                    x12: { qualifier: ZZ }
                    transport: { type: dropbox }
                    mappings: { order: nowhere/x12-850.jslt }
                    acknowledgements: { type: CONTRL }
                  - id: twin
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXEU, qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: globex-eu/edifact-orders.jslt }
                  - id: twin
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXEU, qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: globex-eu/edifact-orders.jslt }
                """.formatted(PartnerRegistryFile.hash()));
        PartnerRegistryParser parser = new PartnerRegistryParser(Path.of("mappings"), Set.of("interchange"), 1000);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(InvalidRegistryException.class, e ->
                assertThat(e.problems()).contains(
                        "partners[0] (Bad_Id).id: 'Bad_Id' must be lower case letters, digits and dashes (it names an SFTP account and folders)",
                        "partners[0] (Bad_Id).version: '4010' is not a supported X12 version [003010, 003020, 003030, 003040, 003050, 003060, 003070, 004010, 004020, 004030, 004040, 004050, 004060, 005010]",
                        "partners[0] (Bad_Id).x12.id: is required",
                        "partners[0] (Bad_Id).transport: a drop-box account needs password-hash or authorized-keys",
                        "partners[0] (Bad_Id).acknowledgements.type: 'CONTRL' is not an acknowledgement for X12 [997, 999]",
                        "partners: id 'twin' is used twice",
                        "partners: EDI id GLOBEXEU:14 is used by more than one partner; inbound files could not be told apart")
                        .anyMatch(p -> p.startsWith("partners[0] (Bad_Id).mappings.order: mapping file") && p.endsWith("does not exist")));
    }
}
