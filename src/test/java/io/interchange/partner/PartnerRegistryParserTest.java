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

    private static Path registry(String extraPartners) throws IOException {
        Path file = Files.createTempFile("partners-", ".yaml");
        Files.writeString(file, PartnerRegistryFile.examplePartners(extraPartners.formatted(PartnerRegistryFile.hash())));
        return file;
    }

    private static Partner partner(PartnerRegistry registry, String id) {
        return registry.partners().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
