package io.interchange.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.interchange.support.PartnerRegistryFile;
import org.junit.jupiter.api.Test;

/** Registry entries onboarded without mapping files, and the acknowledgement-due time. */
class PartnerRegistryParserTest {

    private final PartnerRegistryParser parser = new PartnerRegistryParser(Path.of("mappings"), Set.of(), 1000);

    @Test
    void anEntryWithoutMappingsUsesTheDefaultOfItsStandardAndOneWithMappingsItsOwnFile() throws IOException {
        PartnerRegistry registry = parser.parse(registry("""
                  - id: initech
                    standard: x12
                    version: "004010"
                    x12: { qualifier: "01", id: "123456789" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    acknowledgement-due: PT2H
                  - id: umbrella
                    standard: edifact
                    version: D96A
                    edifact: { id: "5412345000013", qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                """));

        assertThat(partner(registry, "initech").mappings().order()).isEqualTo("default/x12-850.jslt");
        assertThat(partner(registry, "initech").mappings().orderResponse()).isNull();
        assertThat(partner(registry, "initech").acknowledgementDue()).hasHours(2);
        assertThat(partner(registry, "umbrella").mappings().order()).isEqualTo("default/edifact-orders.jslt");
        assertThat(partner(registry, "acme").mappings().order()).isEqualTo("acme/x12-850.jslt");
        assertThat(partner(registry, "acme").acknowledgementDue()).as("the default applies").isNull();
    }

    @Test
    void anAcknowledgementDueThatIsNoDurationRefusesTheFile() throws IOException {
        Path file = registry("""
                  - id: initech
                    standard: x12
                    version: "004010"
                    x12: { qualifier: "01", id: "123456789" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    acknowledgement-due: 24 hours
                  - id: hooli
                    standard: x12
                    version: "004010"
                    x12: { qualifier: "01", id: "987654321" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    acknowledgement-due: -PT1H
                """);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(InvalidRegistryException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "partners[3] (initech).acknowledgement-due: '24 hours' must be an ISO-8601 duration of zero or more, e.g. PT24H or P2D",
                        "partners[4] (hooli).acknowledgement-due: '-PT1H' must be an ISO-8601 duration of zero or more, e.g. PT24H or P2D"));
    }

    @Test
    void anOrderResponseMappingForAVersionWithoutAnOutboundSchemaRefusesTheFile() throws IOException {
        Path file = registry("""
                  - id: initech
                    standard: x12
                    version: "003040"
                    x12: { qualifier: "01", id: "123456789" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order-response: acme/x12-855.jslt }
                  - id: umbrella
                    standard: edifact
                    version: D01B
                    edifact: { id: "5412345000013", qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order-response: globex-eu/edifact-ordrsp.jslt }
                """);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(InvalidRegistryException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "partners[3] (initech).mappings.order-response: Interchange writes 855 for X12 004010 and 005010 only, not for version 003040; leave order-response out for this partner",
                        "partners[4] (umbrella).mappings.order-response: Interchange writes ORDRSP for EDIFACT D96A only, not for version D01B; leave order-response out for this partner"));
    }

    @Test
    void remoteServersKeysAndTheirOwnPoliciesAreRead() throws IOException {
        PartnerRegistry registry = new PartnerRegistryParser(Path.of("mappings"), Set.of("interchange"), 1000).parse(registry("""
                  - id: hooli
                    name: Hooli Inc.
                    standard: x12
                    version: "005010"
                    x12: { qualifier: "01", id: "987654321", group-id: HOOLIGS }
                    transport:
                      type: remote
                      host: sftp.hooli.example
                      port: 2022
                      username: interchange
                      password-property: HOOLI_SFTP_PASSWORD
                      known-hosts-file: /etc/interchange/known_hosts
                      inbound: out
                      outbound: in
                      archive: done
                      error: failed
                    acknowledgements: { type: "999", reject: interchange, duplicate: log, delimiters: "*:^~" }
                    validation: strict
                  - id: keyed
                    standard: edifact
                    version: D96A
                    edifact: { id: KEYED }
                    transport: { type: dropbox, authorized-keys: [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI comment" ] }
                """));

        Partner hooli = partner(registry, "hooli");
        assertThat(hooli.name()).isEqualTo("Hooli Inc.");
        assertThat(hooli.transport().kind()).isEqualTo(Partner.Transport.Kind.REMOTE);
        assertThat(hooli.transport().host()).isEqualTo("sftp.hooli.example");
        assertThat(hooli.transport().port()).isEqualTo(2022);
        assertThat(hooli.acknowledgements()).isEqualTo(new Partner.AckPolicy("999", true, Partner.DuplicatePolicy.LOG, "*:^~"));
        assertThat(hooli.maxFileBytes()).as("the default").isEqualTo(1000);
        Partner keyed = partner(registry, "keyed");
        assertThat(keyed.transport().authorizedKeys()).hasSize(1);
        assertThat(keyed.transport().passwordHash()).isNull();
        assertThat(keyed.acknowledgements().type()).as("CONTRL is EDIFACT's default").isEqualTo("CONTRL");
        assertThat(keyed.name()).as("the id when no name is given").isEqualTo("keyed");
    }

    @Test
    void everyProblemOfAnEntryIsNamedWithItsPlace() throws IOException {
        Path file = registry("""
                  - id: Bad_Id
                    standard: x12
                    version: "004010"
                    x12: { qualifier: "Z", id: "MUCH-TOO-LONG-FOR-ISA06" }
                    transport: { type: dropbox, password-hash: "plain", authorized-keys: [ "not a key" ] }
                    mappings: { order: ../../etc/passwd, order-response: acme/none.jslt }
                    acknowledgements: { type: CONTRL, reject: file, duplicate: shout, delimiters: "**~" }
                    max-file-bytes: 0
                    validation: paranoid
                  - id: interchange
                    standard: cobol
                    transport: { type: carrier-pigeon }
                  - id: lonely
                    standard: edifact
                    version: D96A
                    edifact: { qualifier: "14" }
                    transport: { type: dropbox }
                  - id: far
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: FAR }
                    transport: { type: remote }
                """);
        PartnerRegistryParser reserving = new PartnerRegistryParser(Path.of("mappings"), Set.of("interchange"), 1000);

        assertThatThrownBy(() -> reserving.parse(file)).isInstanceOfSatisfying(InvalidRegistryException.class, e -> {
            assertThat(e.problems()).contains(
                    "partners[3] (Bad_Id).id: 'Bad_Id' must be lower case letters, digits and dashes (it names an SFTP account and folders)",
                    "partners[3] (Bad_Id).x12.qualifier: 'Z' must be two letters or digits (ISA05)",
                    "partners[3] (Bad_Id).x12.id: 'MUCH-TOO-LONG-FOR-ISA06' must be at most 15 characters (ISA06)",
                    "partners[3] (Bad_Id).transport.authorized-keys[0]: is not an OpenSSH public key line",
                    "partners[3] (Bad_Id).mappings.order: '../../etc/passwd' points outside the mappings directory",
                    "partners[3] (Bad_Id).max-file-bytes: must be a positive number of bytes",
                    "partners[4] (interchange).id: 'interchange' is reserved for Interchange's own SFTP account",
                    "partners[4] (interchange).version: is required",
                    "partners[5] (lonely).edifact.id: is required",
                    "partners[5] (lonely).transport: a drop-box account needs password-hash or authorized-keys",
                    "partners[6] (far).transport.host: is required",
                    "partners[6] (far).transport.username: is required",
                    "partners[6] (far).transport.known-hosts-file: is required",
                    "partners[6] (far).transport.inbound: is required",
                    "partners[6] (far).transport.error: is required");
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).transport.password-hash: must look like pbkdf2-sha256"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).mappings.order-response: mapping file ").endsWith("does not exist"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).acknowledgements.type: 'CONTRL' is not an acknowledgement for X12"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).acknowledgements.reject: must be 'transaction'"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).acknowledgements.duplicate: 'shout' is not one of [ta1, log]"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).acknowledgements.delimiters: '**~' must be four different characters"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[3] (Bad_Id).validation: 'paranoid' is not one of"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[4] (interchange).standard: 'cobol' is not one of [x12, edifact]"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[4] (interchange).transport.type: 'carrier-pigeon' is not one of [dropbox, remote]"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("partners[6] (far).transport: a remote server needs private-key-file or password-property"));
        });
    }

    @Test
    void twoPartnersWithOneIdOrOneSenderAreRefused() throws IOException {
        Path file = registry("""
                  - id: acme
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: ACMEPARTNER }
                    transport: { type: dropbox, password-hash: "%1$s" }
                  - standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: NOID }
                    transport: { type: dropbox, password-hash: "%1$s" }
                """);

        assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(InvalidRegistryException.class, e ->
                assertThat(e.problems()).containsExactly("partners[4].id: is required",
                        "partners: id 'acme' is used twice",
                        "partners: EDI id ZZ:ACMEPARTNER is used by more than one partner; inbound files could not be told apart"));
    }

    @Test
    void aFileThatIsNoRegistryIsRefusedAsAWhole() throws IOException {
        assertThat(problems("partners: [ {")).singleElement().satisfies(p -> assertThat(p).startsWith("cannot be read as YAML: "));
        assertThat(problems("- just a list")).containsExactly("must be a YAML mapping with 'interchange' and 'partners'");
        assertThat(problems("interchange: {}\npartners: none\n")).containsExactly(
                "interchange.x12.qualifier: is required", "interchange.x12.id: is required",
                "interchange.edifact.id: is required", "partners: must be a list (it may be empty: partners: [])");
        assertThat(problems(null)).singleElement().satisfies(p -> assertThat(p).startsWith("cannot be read as YAML: "));
    }

    @Test
    void anEmptyListOfPartnersIsAValidRegistry() throws IOException {
        Path file = Files.createTempFile("partners-", ".yaml");
        Files.writeString(file, "interchange:\n  x12: { qualifier: ZZ, id: US, group-id: USGS }\n  edifact: { id: US }\npartners: []\n");

        PartnerRegistry registry = parser.parse(file);

        assertThat(registry.partners()).isEmpty();
        assertThat(registry.own().edifactQualifier()).isNull();
    }

    private java.util.List<String> problems(String yaml) throws IOException {
        Path file = Files.createTempFile("partners-", ".yaml");
        if (yaml == null) {
            Files.delete(file);
        } else {
            Files.writeString(file, yaml);
        }
        try {
            parser.parse(file);
            throw new AssertionError("accepted: " + yaml);
        } catch (InvalidRegistryException e) {
            return e.problems();
        }
    }

    private static Path registry(String extraPartners) throws IOException {
        Path file = Files.createTempFile("partners-", ".yaml");
        Files.writeString(file, PartnerRegistryFile.examplePartners(extraPartners.formatted(PartnerRegistryFile.hash())));
        return file;
    }

    private static Partner partner(PartnerRegistry registry, String id) {
        return registry.partners().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
