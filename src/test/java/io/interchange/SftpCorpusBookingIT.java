package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.SftpException;
import io.interchange.edi.EdiText;
import io.interchange.support.FreePorts;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file of the corpus {@code edi/corpus/} (an X12 850 of each version 003010-005010 with the
 * VICS/UCS variants and five delimiter sets, an ORDERS of each directory D93A-D03B with EANCOM)
 * dropped over SFTP by two partners onboarded by registry entry only (no {@code mappings:}, the
 * built-in default mapping): each gets an accepting 997/CONTRL in its own version and each PO is
 * booked in the ERP exactly once. All files are put first, then all answers awaited.
 *
 * <p>The corpus files are test interchanges (ISA15 {@code T}, UNB 0035 {@code 1}), which are
 * acknowledged but never booked; they are sent here as production interchanges, that one element
 * changed and every other byte as in the file.
 */
class SftpCorpusBookingIT {

    private static final Path CORPUS = Path.of("src/test/resources/edi/corpus");
    private static final String X12_PARTNER = "corpus-x12";
    private static final String EDIFACT_PARTNER = "corpus-edifact";

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static int sftpPort;
    private static List<Path> x12Files;
    private static List<Path> edifactFiles;

    @BeforeAll
    static void start() throws Exception {
        // line items: VP WIDGET-/GADGET-, BP B-2, the EANCOM PIA SA ABC; GTINs are known to any catalog
        erp = TestErp.start(List.of("WIDGET-", "GADGET-", "B-", "ABC"));
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        // the registered version only picks the fallback writer: a partner's files may carry any supported version
        registry.write("""
                interchange:
                  x12: { qualifier: ZZ, id: INTERCHANGE }
                  edifact: { id: INTERCHANGE, qualifier: "14" }
                partners:
                  - id: %2$s
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: ACMEPARTNER }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    acknowledgements: { type: "997" }
                  - id: %3$s
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXEU, qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    acknowledgements: { type: CONTRL }
                """.formatted(PartnerRegistryFile.hash(), X12_PARTNER, EDIFACT_PARTNER));
        sftpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(registry.dropBoxProperties(sftpPort));
        interchange = RunningInterchange.start(erp, properties);
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-" + X12_PARTNER) != null
                && interchange.context().getRoute("intake-sftp-" + EDIFACT_PARTNER) != null);
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> all = files.sorted().toList();
            x12Files = all.stream().filter(f -> f.getFileName().toString().startsWith("x12-850-")).toList();
            edifactFiles = all.stream().filter(f -> f.getFileName().toString().startsWith("edifact-orders-")).toList();
        }
        assertThat(x12Files).hasSize(14);
        assertThat(edifactFiles).hasSize(7);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void everyCorpusFileIsAcknowledgedAcceptingInItsVersionAndItsOrderBookedOnce() throws Exception {
        try (SftpAccount x12 = login(X12_PARTNER); SftpAccount edifact = login(EDIFACT_PARTNER);
                SftpAccount intake = SftpAccount.login(sftpPort, "interchange",
                        interchange.property("interchange.sftp.service-password"))) {
            for (Path file : x12Files) {
                x12.put("inbound/" + file.getFileName(), production(read(file)));
            }
            for (Path file : edifactFiles) {
                edifact.put("inbound/" + file.getFileName(), production(read(file)));
            }

            Map<String, String> acks = answers(x12, "997-", x12Files.size(), text -> EdiText.x12(text).segment("AK1").get(2));
            Map<String, String> contrls = answers(edifact, "CONTRL-", edifactFiles.size(),
                    text -> EdiText.edifact(text).segment("UCI").get(1));

            for (Path file : x12Files) {
                EdiText sent = EdiText.x12(read(file));
                String name = file.getFileName().toString();
                String groupNumber = sent.segment("GS").get(6);
                String groupVersion = sent.segment("GS").get(8);
                String version = groupVersion.substring(0, 6);
                assertThat(acks).as("997 for %s (group %s)", name, groupNumber).containsKey(groupNumber);
                EdiText ack = EdiText.x12(acks.get(groupNumber));
                assertThat(ack.tags()).as(name).containsExactly("ISA", "GS", "ST", "AK1", "AK2", "AK5", "AK9", "SE", "GE", "IEA");
                assertThat(ack.segment("ISA").get(12)).as(name).isEqualTo(sent.segment("ISA").get(12));
                assertThat(ack.segment("GS").subList(0, 4)).as(name).containsExactly("GS", "FA", "INTERCHANGE", "ACMEPARTNER");
                assertThat(ack.segment("GS").get(8)).as(name).isEqualTo(version);
                assertThat(ack.segment("ST").subList(0, 2)).as(name).containsExactly("ST", "997");
                assertThat(ack.segment("AK1").subList(0, 3)).as(name).containsExactly("AK1", "PO", groupNumber);
                assertThat(ack.segment("AK2")).as(name).containsExactly("AK2", "850", "0001");
                assertThat(ack.segment("AK5")).as(name).containsExactly("AK5", "A");
                assertThat(ack.segment("AK9")).as(name).containsExactly("AK9", "A", "1", "1", "1");
                assertBookedOnce(X12_PARTNER, name, sent.segment("BEG").get(3));
            }
            for (Path file : edifactFiles) {
                EdiText sent = EdiText.edifact(read(file));
                String name = file.getFileName().toString();
                String reference = sent.segment("UNB").get(5);
                char component = component(read(file));
                String messageType = sent.segment("UNH").get(2);
                String directory = messageType.split(Pattern.quote(String.valueOf(component)))[2];
                assertThat(contrls).as("CONTRL for %s (interchange %s)", name, reference).containsKey(reference);
                EdiText contrl = EdiText.edifact(contrls.get(reference));
                char contrlComponent = component(contrls.get(reference));
                assertThat(contrl.tags()).as(name).containsExactly("UNB", "UNH", "UCI", "UCM", "UNT", "UNZ");
                assertThat(contrl.segment("UNH").get(2)).as(name)
                        .isEqualTo(String.join(String.valueOf(contrlComponent), "CONTRL", "D", "3", "UN"));
                assertThat(contrl.segment("UCI")).as(name).containsExactly("UCI", reference,
                        "GLOBEXEU" + contrlComponent + "14", "INTERCHANGE" + contrlComponent + "14", "7");
                List<String> ucm = contrl.segment("UCM");
                assertThat(ucm).as(name).hasSize(4);
                assertThat(ucm.get(1)).as(name).isEqualTo("1");
                assertThat(ucm.get(2).split(Pattern.quote(String.valueOf(contrlComponent)))).as(name)
                        .startsWith("ORDERS", "D", directory, "UN");
                assertThat(ucm.get(3)).as(name).isEqualTo("7");
                String po = sent.segment("BGM").get(2).split(Pattern.quote(String.valueOf(component)))[0];
                assertBookedOnce(EDIFACT_PARTNER, name, po);
            }
            // every file went through whole: archived, nothing in error/
            await().atMost(Duration.ofSeconds(30)).until(() -> archived(intake, X12_PARTNER) == x12Files.size()
                    && archived(intake, EDIFACT_PARTNER) == edifactFiles.size());
            assertThat(intake.listQuietly("/error/" + X12_PARTNER)).isEmpty();
            assertThat(intake.listQuietly("/error/" + EDIFACT_PARTNER)).isEmpty();
        }
    }

    /** The PO is booked in the ERP once, with both lines, and tracked once for the partner. */
    private static void assertBookedOnce(String partner, String file, String po) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !erp.ordersFor(po).isEmpty());
        List<JsonNode> booked = erp.ordersFor(po);
        assertThat(booked).as("%s: ERP orders for %s", file, po).hasSize(1);
        assertThat(booked.get(0).path("lines")).as("%s: lines of %s", file, po).hasSize(2);
        JsonNode tracked = interchange.http().getJson("/api/v1/orders?partnerId=" + partner + "&externalOrderNumber=" + po)
                .path("documents");
        assertThat(tracked).as("%s: tracked orders for %s", file, po).hasSize(1);
    }

    /**
     * Waits until {@code count} answers named {@code prefix...} are in the partner's outbound/ and
     * returns them by the group or interchange they answer.
     */
    private static Map<String, String> answers(SftpAccount account, String prefix, int count, Function<String, String> key) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> account.list("outbound").stream().filter(n -> n.startsWith(prefix)).count() >= count);
        Map<String, String> byKey = new HashMap<>();
        try {
            for (String name : account.list("outbound")) {
                if (name.startsWith(prefix)) {
                    String answer = account.get("outbound/" + name);
                    assertThat(byKey.put(key.apply(answer), answer)).as("a second answer like %s", name).isNull();
                }
            }
        } catch (SftpException e) {
            throw new IllegalStateException(e);
        }
        return byKey;
    }

    private static long archived(SftpAccount intake, String partner) {
        return intake.listQuietly("/archive/" + partner).stream().filter(n -> n.endsWith(".edi")).count();
    }

    /**
     * The file as a production interchange: ISA15 {@code T} made {@code P} (a fixed-width position),
     * the UNB test indicator 0035 {@code 1} and the empty elements before it dropped.
     */
    private static String production(String text) {
        if (text.startsWith("ISA")) {
            assertThat(text.charAt(102)).isEqualTo('T');
            return text.substring(0, 102) + "P" + text.substring(103);
        }
        char separator = text.startsWith("UNA") ? text.charAt(4) : '+';
        char terminator = text.startsWith("UNA") ? text.charAt(8) : '\'';
        int unb = text.indexOf("UNB");
        int end = text.indexOf(terminator, unb);
        String header = text.substring(unb, end);
        String production = header.replaceFirst("(" + Pattern.quote(String.valueOf(separator)) + ")+1$", "");
        assertThat(production).isNotEqualTo(header);
        return text.substring(0, unb) + production + text.substring(end);
    }

    private static char component(String text) {
        return text.startsWith("UNA") ? text.charAt(3) : ':';
    }

    private static String read(Path file) {
        try {
            // ISO-8859-1 keeps every byte as it is in the file
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SftpAccount login(String partner) throws Exception {
        return SftpAccount.login(sftpPort, partner, PartnerRegistryFile.PASSWORD);
    }
}
