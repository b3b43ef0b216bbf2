package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.interchange.edi.EdiText;
import io.interchange.support.EdiSamples;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.OutboundFolder;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file gets an answer: real-world-shaped partner files (src/test/resources/edi) dropped
 * over SFTP with a real client, one case per behaviour, each answered at once (no "still being
 * written" retries) with the acknowledgement asserted segment by segment and the ERP's orders, or
 * with a reason file in the partner's own {@code outbound/}. Besides the example partners:
 * {@code globex-nq} (EDIFACT, no UNB qualifier) and {@code keyed} (logs in with an ssh-ed25519 key).
 */
class SftpEveryFileAnsweredIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static int sftpPort;
    private static Path ed25519Key;

    @BeforeAll
    static void start() throws Exception {
        erp = TestErp.start(List.of("WIDGET-", "GADGET-", "GIZMO-", "BOLT-", "NUT-", "WASHER-"));
        // a real ed25519 key pair, as ssh-keygen -t ed25519 makes it
        Path keys = Files.createTempDirectory("ed25519-");
        ed25519Key = keys.resolve("id_ed25519");
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        pair.writeOpenSSHv1PrivateKey(ed25519Key.toString());
        ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
        pair.writePublicKey(publicKey, "keyed@partner");
        assertThat(publicKey.toString(StandardCharsets.US_ASCII)).startsWith("ssh-ed25519 ");

        PartnerRegistryFile registry = PartnerRegistryFile.create();
        registry.write(PartnerRegistryFile.examplePartners("""
                  - id: globex-nq
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXNQ }
                    transport: { type: dropbox, password-hash: "%s" }
                    mappings: { order: globex-eu/edifact-orders.jslt }
                  - id: keyed
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: KEYED }
                    transport:
                      type: dropbox
                      authorized-keys: ["%s"]
                    mappings: { order: acme/x12-850.jslt }
                """.formatted(PartnerRegistryFile.hash(), publicKey.toString(StandardCharsets.US_ASCII).strip())));
        sftpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(registry.dropBoxProperties(sftpPort));
        properties.put("interchange.edi.own.x12-ids", "01:123456789");
        interchange = RunningInterchange.start(erp, properties);
        api = interchange.http();
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-globex-nq") != null
                && interchange.context().getRoute("intake-sftp-keyed") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void byteOrderMarkIsSkippedAndTheOrderBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/bom.edi", acme("x12/acme-850-004010-bom.edi", 5001, "B1", "5001"));

            assertAcceptedOrder(acme, "5001", "B1-4711");
            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "bom.edi"));
        }
    }

    @Test
    void junkLinesBeforeTheIsaAreSkippedAndTheOrderBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/junk.edi", acme("x12/acme-850-004010-junk-header.edi", 5002, "B2", "5002"));

            assertAcceptedOrder(acme, "5002", "B2-4711");
            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "junk.edi"));
        }
    }

    @Test
    void linesWrappedAt80ColumnsAreJoinedAndTheOrderBooked() throws Exception {
        // wrapping splits the renumbered elements, so renumber before wrapping
        String flat = acme("x12/acme-850-004010-single.edi", 5003, "B3", "5003").replace("\n", "");
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 80) {
            wrapped.append(flat, i, Math.min(flat.length(), i + 80)).append("\r\n");
        }
        try (SftpAccount acme = login("acme")) {
            acme.put("inbound/wrapped.edi", wrapped.toString());

            assertAcceptedOrder(acme, "5003", "B3-4711");
            assertThat(erp.ordersFor("B3-4711").get(0).path("lines")).hasSize(3);
        }
    }

    @Test
    void missingIeaIsNotedInTa1WithPrematureEndOfFileAndTheOrderThatWentOnIsBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/no-iea.edi", acme("x12/acme-850-004010-missing-iea.edi", 5004, "B4", "5004"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*5004"));
            assertThat(ack.segment("AK5")).containsExactly("AK5", "A");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000005004"));
            // 023: improper (premature) end of file; E: the interchange's valid order went on
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000005004", "261120", "1230", "E", "023");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("B4-4711").size() == 1);
            assertThat(partnerReason(acme, "no-iea.edi")).contains("interchange 000005004 accepted with errors")
                    .contains("INTERCHANGE_TRAILER_MISSING");
            assertThat(intake.list("/error/acme")).anyMatch(n -> n.endsWith("-no-iea.edi"));
        }
    }

    @Test
    void mailbagWithTwoDelimiterSetsGetsOne997EachInItsOwnDelimiters() throws Exception {
        String file = EdiSamples.x12("x12/acme-mailbag-two-delimiter-sets.edi", 5005, "B5")
                .replace("000000102", "000005105")
                .replace("*101*X*004010~", "*5005*X*004010~").replace("GE*1*101~", "GE*1*5005~")
                .replace("|102|X|004010\n", "|5105|X|004010\n").replace("GE|1|102\n", "GE|1|5105\n");
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/mailbag.edi", file);

            String first = OutboundFolder.take(acme, "997-", "AK1*PO*5005");
            assertThat(first.charAt(3)).isEqualTo('*');
            assertThat(EdiText.x12(first).segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            String second = OutboundFolder.take(acme, "997-", "AK1|PO|5105");
            assertThat(second.charAt(3)).isEqualTo('|');
            assertThat(second.charAt(105)).as("a line break terminates its segments, as in the inbound").isEqualTo('\n');
            EdiText ack = EdiText.x12(second);
            assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            for (String po : List.of("B5-4711", "B5-4712")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor(po).size() == 1);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "mailbag.edi"));
        }
    }

    @Test
    void unknownVersionIsRejectedAtOnceWithAk5R1AndNothingIsBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/v4090.edi", acme("x12/acme-850-004090-unknown-version.edi", 5006, "B6", "5006"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*5006"));
            assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
            assertThat(ack.segment("AK5")).containsExactly("AK5", "R", "1");   // 1: transaction set not supported
            assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "1", "1", "0");
            assertThat(partnerReason(acme, "v4090.edi")).contains("transaction 850 0001 rejected: Transaction set not supported");
            assertThat(acme.list("inbound")).doesNotContain("v4090.edi");
            assertThat(erp.ordersFor("B6-4711")).isEmpty();
        }
    }

    @Test
    void inbound855IsRejectedAsNotSupportedInsteadOfMappedAsAnOrder() throws Exception {
        try (SftpAccount acme = login("acme")) {
            acme.put("inbound/855.edi", acme("x12/acme-855-004010-sent-inbound.edi", 5007, "B7", "5007"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PR*5007"));
            assertThat(ack.segment("AK2")).containsExactly("AK2", "855", "0001");
            assertThat(ack.segment("AK5")).containsExactly("AK5", "R", "1");
            assertThat(ack.all("AK3")).as("not judged by the 850 mapping (no BEG)").isEmpty();
            assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "1", "1", "0");
            assertThat(partnerReason(acme, "855.edi")).contains("transaction 855 0001 rejected: Transaction set not supported: 855 is not taken inbound");
            assertThat(erp.ordersFor("B7-4711")).isEmpty();
        }
    }

    @Test
    void zeroByteFileLeavesInboundWithAReasonInThePartnersOutbound() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/empty.edi", new byte[0]);

            assertThat(partnerReason(acme, "empty.edi")).contains("Reason: Not an EDI file: the file is empty (0 bytes).");
            await().atMost(Duration.ofSeconds(20)).until(() -> !acme.list("inbound").contains("empty.edi"));
            assertThat(intake.list("/error/acme")).anyMatch(n -> n.endsWith("-empty.edi"));
        }
    }

    @Test
    void fileThatIsNotEdiGetsAReasonNamingHowItStarts() throws Exception {
        try (SftpAccount acme = login("acme")) {
            acme.put("inbound/orders.csv", EdiSamples.text("other/not-edi.csv"));

            assertThat(partnerReason(acme, "orders.csv"))
                    .contains("Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header; it starts with 'order_id,sku,qty'");
            await().atMost(Duration.ofSeconds(20)).until(() -> !acme.list("inbound").contains("orders.csv"));
        }
    }

    @Test
    void testInterchangeIsAcknowledgedAsTestAndNeverBooked() throws Exception {
        double before = transactions("acme", "test");
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/test.edi", acme("x12/acme-850-004010-test-indicator.edi", 5008, "B8", "5008"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*5008"));
            assertThat(ack.segment("ISA").get(15)).as("answered as a test").isEqualTo("T");
            assertThat(ack.segment("AK5")).containsExactly("AK5", "A");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "test.edi"));
            await().atMost(Duration.ofSeconds(10)).until(() -> transactions("acme", "test") == before + 1);
            assertThat(erp.ordersFor("B8-4711")).isEmpty();
            assertThat(api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=B8-4711").path("documents")).isEmpty();
        }
    }

    @Test
    void interchangeForAnotherReceiverIsRejectedWithTa1008AndOneForAConfiguredIdIsTaken() throws Exception {
        try (SftpAccount acme = login("acme")) {
            acme.put("inbound/elsewhere.edi", acme("x12/acme-850-004010-wrong-receiver.edi", 5009, "B9", "5009"));

            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000005009"));
            // 008: interchange receiver id invalid; answered from our own identity
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000005009", "261120", "1230", "R", "008");
            assertThat(ta1.segment("ISA").get(6)).isEqualTo("INTERCHANGE    ");
            assertThat(partnerReason(acme, "elsewhere.edi")).contains("rejected: wrong receiver, addressed to ZZ:SOMEONEELSE");
            assertThat(OutboundFolder.peek(acme, "997-", "AK1*PO*5009")).isEmpty();
            assertThat(erp.ordersFor("B9-4711")).isEmpty();

            // the environment's second id (interchange.edi.own.x12-ids) is ours too
            acme.put("inbound/duns.edi", acme("x12/acme-850-004010-single.edi", 5010, "B10", "5010")
                    .replace("*ZZ*INTERCHANGE    *", "*01*123456789      *"));
            assertAcceptedOrder(acme, "5010", "B10-4711");
        }
    }

    @Test
    void edifactMissingUnzIsNotedInUciWithCode13AndTheMessageIsBooked() throws Exception {
        try (SftpAccount globex = login("globex-eu")) {
            globex.put("inbound/no-unz.edi", EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "M1", "M1")
                    .replace("UNZ+1+M1'\n", ""));

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+M1+"));
            // 7: acknowledged, the message went on; 13: missing, UNZ
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "M1", "GLOBEXEU:14", "INTERCHANGE:14", "7", "13", "UNZ");
            assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "7");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("M1-9001").size() == 1);
        }
    }

    @Test
    void edifactSenderWithoutQualifierMatchesItsPartnerAndTheFirstControlNumberIsOne() throws Exception {
        try (SftpAccount globex = login("globex-nq")) {
            globex.put("inbound/nq.edi", EdiSamples.edifact("edifact/globex-orders-d96a-no-sender-qualifier.edi", "Q1", "Q1"));

            AtomicReference<String> name = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                globex.list("outbound").stream().filter(n -> n.startsWith("CONTRL-")).findFirst().ifPresent(name::set);
                return name.get() != null;
            });
            // the first control number of this partner: none was drawn for anything not delivered
            assertThat(name.get()).isEqualTo("CONTRL-1.edi");
            EdiText contrl = EdiText.edifact(globex.get("outbound/" + name.get()));
            assertThat(contrl.segment("UNB").subList(0, 4)).containsExactly("UNB", "UNOC:3", "INTERCHANGE:14", "GLOBEXNQ");
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "Q1", "GLOBEXNQ", "INTERCHANGE:14", "7");
            assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "7");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("Q1-9001").size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> transactions("globex-nq", "admitted") == 1.0);
        }
    }

    @Test
    void partnerLogsInWithAnEd25519KeyAndDropsAFile() throws Exception {
        try (SftpAccount keyed = SftpAccount.loginWithKey(sftpPort, "keyed", ed25519Key.toString())) {
            keyed.put("inbound/po.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 5011, "K1")
                    .replace("*ZZ*ACMEPARTNER    *", "*ZZ*KEYED          *").replace("GS*PO*ACMEPARTNER*", "GS*PO*KEYED*"));

            EdiText ack = EdiText.x12(OutboundFolder.take(keyed, "997-", "AK1*PO*101"));
            assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("K1-4711").size() == 1);
        }
    }

    /** An acme sample with its ISA13, PO numbers and group control number (GS06/GE02) made the test's own. */
    private static String acme(String path, long icn, String prefix, String group) {
        return EdiSamples.x12(path, icn, prefix).replace("*101*X*", "*" + group + "*X*").replace("GE*1*101~", "GE*1*" + group + "~");
    }

    private static void assertAcceptedOrder(SftpAccount account, String group, String po) {
        EdiText ack = EdiText.x12(OutboundFolder.take(account, "997-", "AK1*PO*" + group));
        assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
        assertThat(ack.segment("AK5")).containsExactly("AK5", "A");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
        await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor(po).size() == 1);
    }

    private static boolean archived(SftpAccount intake, String partner, String fileName) throws Exception {
        return intake.list("/archive/" + partner).stream().anyMatch(n -> n.endsWith("-" + fileName))
                && intake.list("/error/" + partner).stream().noneMatch(n -> n.endsWith("-" + fileName));
    }

    /** The reason file for {@code fileName} in the partner's own outbound/, as the partner reads it. */
    private static String partnerReason(SftpAccount account, String fileName) throws Exception {
        String suffix = "-" + fileName + ".reason.txt";
        AtomicReference<String> name = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            // outbound/ may not be there before the first answer
            account.listQuietly("outbound").stream().filter(n -> n.endsWith(suffix)).findFirst().ifPresent(name::set);
            return name.get() != null;
        });
        return account.get("outbound/" + name.get());
    }

    private static SftpAccount login(String partner) throws Exception {
        return SftpAccount.login(sftpPort, partner, PartnerRegistryFile.PASSWORD);
    }

    private static SftpAccount serviceView() throws Exception {
        return SftpAccount.login(sftpPort, "interchange", interchange.property("interchange.sftp.service-password"));
    }

    private static double transactions(String partner, String outcome) {
        String prefix = "interchange_edi_transactions_total{";
        return api.get("/observe/metrics").body().lines().filter(line -> line.startsWith(prefix)
                        && line.contains("partner=\"" + partner + "\"") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
