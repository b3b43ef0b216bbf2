package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Every partner sample of shared/samples and every kind of bad input the EDI intake must answer,
 * dropped over SFTP with a real client: the acknowledgement element by element, the ERP's orders,
 * the archive and error folders with their reason files. Besides the example partners, two with
 * other policies: {@code initech} (X12, {@code reject: interchange}) and {@code globex-nl}
 * (EDIFACT, {@code duplicate: log}).
 */
class SftpEdiSamplesIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static int sftpPort;

    @BeforeAll
    static void start() {
        // the sandbox ERP knows the items of every sample, so valid orders are booked, not refused
        erp = TestErp.start(List.of("WIDGET-", "GADGET-", "GIZMO-", "BOLT-", "NUT-", "WASHER-", "DRILL-", "BIT-",
                "GLOVES-", "CABLE-", "HUB-", "LAMP-"));
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        registry.write(PartnerRegistryFile.examplePartners("""
                  - id: initech
                    standard: x12
                    version: "004010"
                    x12: { qualifier: ZZ, id: INITECH }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: acme/x12-850.jslt }
                    acknowledgements: { type: "997", reject: interchange, duplicate: ta1 }
                  - id: globex-nl
                    standard: edifact
                    version: D96A
                    edifact: { id: GLOBEXNL, qualifier: "14" }
                    transport: { type: dropbox, password-hash: "%1$s" }
                    mappings: { order: globex-eu/edifact-orders.jslt }
                    acknowledgements: { type: CONTRL, duplicate: log }
                """.formatted(PartnerRegistryFile.hash())));
        sftpPort = FreePorts.next();
        interchange = RunningInterchange.start(erp, registry.dropBoxProperties(sftpPort));
        api = interchange.http();
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-globex-nl") != null
                && interchange.context().getRoute("intake-sftp-initech") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void threeOrdersInOneGroupAreAcknowledgedTogetherBookedAndArchived() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/three-orders.edi", EdiSamples.x12("x12/acme-850-004010-three-orders.edi", 2001, "S1"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*102"));
            assertThat(ack.tags()).containsExactly("ISA", "GS", "ST", "AK1", "AK2", "AK5", "AK2", "AK5", "AK2", "AK5",
                    "AK9", "SE", "GE", "IEA");
            assertThat(ack.segment("AK1")).containsExactly("AK1", "PO", "102");
            for (int i = 0; i < 3; i++) {
                assertThat(ack.segment("AK2", i)).containsExactly("AK2", "850", "000" + (i + 1));
                assertThat(ack.segment("AK5", i)).containsExactly("AK5", "A");
            }
            assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "3", "3", "3");
            assertThat(ack.segment("ST")).containsExactly("ST", "997", ack.segment("SE").get(2));
            assertThat(ack.segment("SE").get(1)).isEqualTo("10");

            for (String po : List.of("S1-5001", "S1-5002", "S1-5003")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor(po).size() == 1);
            }
            assertThat(erp.ordersFor("S1-5003").get(0).path("lines")).hasSize(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> intake.list("/archive/acme").stream()
                    .anyMatch(n -> n.endsWith("-three-orders.edi")));
            assertThat(intake.list("/error/acme")).noneMatch(n -> n.contains("three-orders.edi"));
            assertThat(acme.list("inbound")).doesNotContain("three-orders.edi");
        }
    }

    @Test
    void wrongSegmentAndGroupCountsAreRejectedWith997AndTa1AndNothingIsBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/bad-trailers.edi", EdiSamples.x12("x12/acme-850-004010-bad-trailers.edi", 2002, "S2"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*101"));
            assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
            assertThat(ack.segment("AK5")).containsExactly("AK5", "R", "4");   // 4: segment count (SE01) wrong
            assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "1", "1", "0");
            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000002002"));
            // 021: number of included groups (IEA01) wrong
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000002002", "261120", "1230", "R", "021");
            assertThat(ta1.segment("ISA").get(6)).isEqualTo("INTERCHANGE    ");
            assertThat(ta1.segment("ISA").get(8)).isEqualTo("ACMEPARTNER    ");
            assertThat(ta1.segment("IEA")).containsExactly("IEA", "0", ta1.segment("ISA").get(13));

            String reason = reason(intake, "acme", "bad-trailers.edi");
            assertThat(reason).contains("transaction 850 0001 rejected")
                    .contains("Number of included segments does not match actual count")
                    .contains("interchange 000002002 rejected").contains("INTERCHANGE_GROUP_COUNT_MISMATCH");
            assertThat(intake.list("/error/acme")).anyMatch(n -> n.endsWith("-bad-trailers.edi"));
            assertThat(ordersTracked("acme", "S2-4711")).isEmpty();
            assertThat(erp.ordersFor("S2-4711")).isEmpty();
        }
    }

    @Test
    void wrongGroupAndInterchangeCountsAroundAValidOrderAreNotedNotRejectedAndTheOrderIsBooked() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/wrong-counts.edi", EdiSamples.x12("x12/acme-850-004010-wrong-group-counts.edi", 2010, "S10"));

            // acme rejects failing transactions only: the valid 850 went on as it was read, so the
            // acknowledgements accept it and note the broken trailers instead of contradicting that
            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*101"));
            assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
            assertThat(ack.segment("AK5")).containsExactly("AK5", "A");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "E", "2", "1", "1", "5");
            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000002010"));
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000002010", "261120", "1230", "E", "021");

            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("S10-4711").size() == 1);
            String reason = reason(intake, "acme", "wrong-counts.edi");
            assertThat(reason).contains("group 101 acknowledged with errors, its valid transactions went on")
                    .contains("interchange 000002010 accepted with errors, its valid transactions went on");
        }
    }

    @Test
    void twoInterchangesOnOneLineGetA999EachAndBothOrdersAreBooked() throws Exception {
        try (SftpAccount globex = login("globex-us"); SftpAccount intake = serviceView()) {
            globex.put("inbound/two-interchanges.edi",
                    EdiSamples.x12("x12/globex-850-005010-two-interchanges-one-line.edi", 3001, "G1"));

            for (String group : List.of("7001", "7002")) {
                String text = OutboundFolder.take(globex, "999-", "AK1|PO|" + group + "|");
                EdiText ack = EdiText.x12(text);
                assertThat(text).startsWith("ISA|00|          |00|          |ZZ|INTERCHANGE    |ZZ|GLOBEXUS       |");
                assertThat(ack.segment("ISA").get(11)).isEqualTo("^");
                assertThat(ack.segment("ISA").get(12)).isEqualTo("00501");
                assertThat(ack.segment("GS").subList(0, 4)).containsExactly("GS", "FA", "INTERCHANGE", "GLOBEXUS");
                assertThat(ack.segment("GS").get(8)).isEqualTo("005010X231A1");
                assertThat(ack.segment("ST")).containsExactly("ST", "999", ack.segment("SE").get(2), "005010X231A1");
                assertThat(ack.segment("AK1")).containsExactly("AK1", "PO", group, "005010");
                assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
                assertThat(ack.segment("IK5")).containsExactly("IK5", "A");
                assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
            }
            for (String po : List.of("GX-G1-88", "GX-G1-89")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor(po).size() == 1);
                assertThat(erp.ordersFor(po).get(0).path("lines")).as(po).hasSize(2);
            }
            JsonNode second = ordersTracked("globex-us", "GX-G1-89").get(0).path("edi");
            assertThat(second.path("interchangeControlNumber").asText()).isEqualTo("000007002");
            assertThat(second.path("groupControlNumber").asText()).isEqualTo("7002");
            await().atMost(Duration.ofSeconds(10)).until(() -> intake.list("/archive/globex-us").stream()
                    .anyMatch(n -> n.endsWith("-two-interchanges.edi")));
        }
    }

    @Test
    void edifactOrdersWithUnaAreAcknowledgedWithContrlAndBooked() throws Exception {
        try (SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            globex.put("inbound/orders-una.edi", EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "E1", "E1"));

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E1+"));
            assertThat(contrl.tags()).containsExactly("UNB", "UNH", "UCI", "UCM", "UNT", "UNZ");
            assertThat(contrl.segment("UNB").subList(0, 4)).containsExactly("UNB", "UNOC:3", "INTERCHANGE:14", "GLOBEXEU:14");
            assertThat(contrl.segment("UNH").get(2)).isEqualTo("CONTRL:D:3:UN");
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E1", "GLOBEXEU:14", "INTERCHANGE:14", "7");
            assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "7");

            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("E1-9001").size() == 1);
            JsonNode booked = erp.ordersFor("E1-9001").get(0);
            assertThat(booked.path("lines")).hasSize(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> intake.list("/archive/globex-eu").stream()
                    .anyMatch(n -> n.endsWith("-orders-una.edi")));
        }
    }

    @Test
    void edifactMessageWithWrongUntCountIsRejectedInContrlNamingUnt() throws Exception {
        try (SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            globex.put("inbound/bad-unt.edi", EdiSamples.edifact("edifact/globex-orders-d96a-bad-unt-count.edi", "E2", "E2"));

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E2+"));
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E2", "GLOBEXEU:14", "INTERCHANGE:14", "7");
            // 29: control count does not match; UNT element 1 (0074, number of segments)
            assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "4", "29", "UNT", "1");

            String reason = reason(intake, "globex-eu", "bad-unt.edi");
            assertThat(reason).contains("transaction ORDERS 1 rejected")
                    .contains("Number of included segments does not match actual count").contains("UNT01 '15'");
            assertThat(erp.ordersFor("E2-9001")).isEmpty();
            assertThat(ordersTracked("globex-eu", "E2-9001")).isEmpty();
        }
    }

    @Test
    void edifactGroupWithWrongUneCountIsRejectedInUcfAndTheFileGoesToTheErrorFolder() throws Exception {
        try (SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            globex.put("inbound/bad-une.edi", EdiSamples.edifact("edifact/globex-orders-d96a-with-ung.edi", "E6", "E6"));

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E6+"));
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E6", "GLOBEXEU:14", "INTERCHANGE:14", "7");
            // UNE01 says 2 messages, the group has 1: 29, control count does not match
            assertThat(contrl.segment("UCF")).containsExactly("UCF", "GRP10", "GLOBEXEU", "INTERCHANGE", "4", "29", "UNE", "1");
            assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "4");
            assertThat(reason(intake, "globex-eu", "bad-une.edi")).contains("interchange E6 group GRP10 rejected")
                    .contains("GROUP_TRANSACTION_COUNT_MISMATCH at UNE01 '2'");
        }
    }

    @Test
    void unsupportedTransactionSetAndInvalidElementsAreRejectedAloneWithAk3Ak4() throws Exception {
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            // the sample is a test interchange (ISA15 T), whose orders are never booked: made production here
            acme.put("inbound/850-and-810.edi", EdiSamples.x12("x12/acme-850-and-810-004010.edi", 2003, "S3")
                    .replace("*0*T*>~", "*0*P*>~"));

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*105"));
            assertThat(ack.tags()).containsExactly("ISA", "GS", "ST", "AK1", "AK2", "AK5", "AK2", "AK5", "AK2", "AK3",
                    "AK4", "AK3", "AK4", "AK5", "AK9", "SE", "GE", "IEA");
            assertThat(ack.segment("AK2", 0)).containsExactly("AK2", "850", "0001");
            assertThat(ack.segment("AK5", 0)).containsExactly("AK5", "A");
            assertThat(ack.segment("AK2", 1)).containsExactly("AK2", "810", "0002");
            assertThat(ack.segment("AK5", 1)).containsExactly("AK5", "R", "1");   // 1: transaction set not supported
            assertThat(ack.segment("AK2", 2)).containsExactly("AK2", "850", "0003");
            // REF02 (127) too long, PO104 (212) has an invalid character
            assertThat(ack.segment("AK3", 0)).containsExactly("AK3", "REF", "3", "", "8");
            assertThat(ack.segment("AK4", 0)).containsExactly("AK4", "2", "127", "5",
                    "0000000000000000000000000000000000000000000000000000000000000099");
            assertThat(ack.segment("AK3", 1)).containsExactly("AK3", "PO1", "5", "PO1", "8");
            assertThat(ack.segment("AK4", 1)).containsExactly("AK4", "4", "212", "6", "TEN");
            assertThat(ack.segment("AK5", 2)).containsExactly("AK5", "R", "5");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "P", "3", "3", "1");

            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("S3-6001").size() == 1);
            assertThat(erp.ordersFor("S3-6003")).isEmpty();
            String reason = reason(intake, "acme", "850-and-810.edi");
            assertThat(reason).contains("transaction 810 0002 rejected: Transaction set not supported")
                    .contains("transaction 850 0003 rejected").contains("Data element too long")
                    .contains("Invalid character in data element");
            assertThat(reason).doesNotContain("transaction 850 0001");
        }
    }

    @Test
    void mappingFailureAndSchemaViolationRejectTheirTransactionsAtTheirHeaderSegment() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-three-orders.edi", 2004, "S4")
                .replace("*102*X*004010~", "*104*X*004010~").replace("GE*3*102~", "GE*3*104~")
                // PO101 is free text in X12 but a number to ACME's mapping: number("A1") fails
                .replace("PO1*1*100*EA*0.05", "PO1*A1*100*EA*0.05")
                // a quantity of 0 is valid X12 and mapped, but the canonical order wants more than 0
                .replace("PO1*1*2*CS*85.00", "PO1*1*0*CS*85.00");
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            acme.put("inbound/content-errors.edi", file);

            EdiText ack = EdiText.x12(OutboundFolder.take(acme, "997-", "AK1*PO*104"));
            assertThat(ack.tags()).containsExactly("ISA", "GS", "ST", "AK1", "AK2", "AK5", "AK2", "AK3", "AK5", "AK2",
                    "AK3", "AK5", "AK9", "SE", "GE", "IEA");
            assertThat(ack.segment("AK5", 0)).containsExactly("AK5", "A");
            assertThat(ack.segment("AK2", 1)).containsExactly("AK2", "850", "0002");
            assertThat(ack.segment("AK3", 0)).containsExactly("AK3", "BEG", "2", "", "8");
            assertThat(ack.segment("AK5", 1)).containsExactly("AK5", "R", "5");
            assertThat(ack.segment("AK2", 2)).containsExactly("AK2", "850", "0003");
            assertThat(ack.segment("AK3", 1)).containsExactly("AK3", "BEG", "2", "", "8");
            assertThat(ack.segment("AK5", 2)).containsExactly("AK5", "R", "5");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "P", "3", "3", "1");

            String reason = reason(intake, "acme", "content-errors.edi");
            assertThat(reason).contains("transaction 850 0002 rejected: mapping failed: acme/x12-850.jslt")
                    .contains("transaction 850 0003 rejected: canonical order schema violated: /lines/0/quantity");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("S4-5001").size() == 1);
            assertThat(ordersTracked("acme", "S4-5002")).isEmpty();
            assertThat(ordersTracked("acme", "S4-5003")).isEmpty();
        }
    }

    @Test
    void interchangeFromAnUnknownSenderIsRejectedAndOtherPartnersKeepWorking() throws Exception {
        String stranger = EdiSamples.x12("x12/acme-850-004010-single.edi", 2005, "S5")
                .replace("*ZZ*ACMEPARTNER    *", "*ZZ*STRANGER       *").replace("GS*PO*ACMEPARTNER*", "GS*PO*STRANGER*")
                .replace("*101*X*004010~", "*901*X*004010~").replace("GE*1*101~", "GE*1*901~");
        try (SftpAccount acme = login("acme"); SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            acme.put("inbound/stranger.edi", stranger);
            globex.put("inbound/meanwhile.edi", EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "E3", "E3"));

            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000002005"));
            // 006: invalid interchange sender id
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000002005", "261120", "1230", "R", "006");
            String reason = reason(intake, "acme", "stranger.edi");
            assertThat(reason).contains("interchange 000002005 rejected: unknown partner id, sender ZZ:STRANGER is not partner acme");
            assertThat(ordersTracked("acme", "S5-4711")).isEmpty();
            assertThat(OutboundFolder.peek(acme, "997-", "AK1*PO*901")).as("no 997 for a stranger's group").isEmpty();

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E3+"));
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E3", "GLOBEXEU:14", "INTERCHANGE:14", "7");
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("E3-9001").size() == 1);
            assertThat(erp.ordersFor("S5-4711")).isEmpty();
        }
    }

    @Test
    void edifactInterchangeFromAnUnknownSenderIsRejectedInContrl() throws Exception {
        String stranger = EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "E4", "E4")
                .replace("+GLOBEXEU:14+", "+STRANGER:14+");
        try (SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            globex.put("inbound/stranger.edi", stranger);

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E4+"));
            // 23: unknown interchange sender, UNB element 2 (S002)
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E4", "STRANGER:14", "INTERCHANGE:14", "4", "23",
                    "UNB", "2");
            assertThat(contrl.all("UCM")).isEmpty();
            assertThat(reason(intake, "globex-eu", "stranger.edi"))
                    .contains("interchange E4 rejected: unknown partner id, sender STRANGER:14 is not partner globex-eu");
            assertThat(ordersTracked("globex-eu", "E4-9001")).isEmpty();
        }
    }

    @Test
    void edifactInterchangeSentAgainIsNotProcessedAgainAndRejectedInContrl() throws Exception {
        String file = EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "E5", "E5");
        try (SftpAccount globex = login("globex-eu"); SftpAccount intake = serviceView()) {
            globex.put("inbound/first.edi", file);
            OutboundFolder.take(globex, "CONTRL-", "UCI+E5+");
            await().atMost(Duration.ofSeconds(20)).until(() -> globex.list("inbound").isEmpty());

            globex.put("inbound/again.edi", file);

            EdiText contrl = EdiText.edifact(OutboundFolder.take(globex, "CONTRL-", "UCI+E5+"));
            // 26: duplicate detected, UNB element 5 (0020, the interchange control reference)
            assertThat(contrl.segment("UCI")).containsExactly("UCI", "E5", "GLOBEXEU:14", "INTERCHANGE:14", "4", "26",
                    "UNB", "5");
            assertThat(contrl.all("UCM")).isEmpty();
            assertThat(reason(intake, "globex-eu", "again.edi"))
                    .contains("interchange E5 not processed: duplicate of interchange E5 received in first.edi");
            assertThat(ordersTracked("globex-eu", "E5-9001")).hasSize(1);
            assertThat(duplicateInterchanges("globex-eu")).isGreaterThanOrEqualTo(1);
        }
    }

    /**
     * A run stopped (a crash, a killed cluster instance) after the file's interchange was answered
     * and registered, before the file was moved: the same file, with the same name, size and
     * modification time, is read again. The partner had its 997; it gets nothing more (no TA1
     * "duplicate"), the file is archived, no order twice. The same bytes uploaded again under the
     * same name later (a new modification time) are the partner's duplicate: TA1 025.
     */
    @Test
    void theSameFileReadAgainAfterAStopBeforeItsMoveIsArchivedWithoutASecondAnswer() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-three-orders.edi", 2031, "S31")
                .replace("*0800*102*X*", "*0800*3102*X*").replace("GE*3*102~", "GE*3*3102~");
        Instant modified = Instant.parse("2026-11-21T08:00:00Z");
        try (SftpAccount acme = login("acme"); SftpAccount intake = serviceView()) {
            upload(acme, "same.edi", file, modified);
            OutboundFolder.take(acme, "997-", "AK1*PO*3102");
            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "-same.edi") == 1);
            for (String po : List.of("S31-5001", "S31-5002", "S31-5003")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor(po).size() == 1);
            }
            double duplicatesBefore = duplicateInterchanges("acme");

            upload(acme, "same.edi", file, modified);

            await().atMost(Duration.ofSeconds(20)).until(() -> archived(intake, "acme", "-same.edi") == 2);
            assertThat(intake.list("/error/acme")).noneMatch(n -> n.contains("-same.edi"));
            assertThat(OutboundFolder.peek(acme, "997-", "AK1*PO*3102")).as("a second 997").isEmpty();
            assertThat(OutboundFolder.peek(acme, "TA1-", "TA1*000002031")).as("a TA1").isEmpty();
            assertThat(duplicateInterchanges("acme")).as("not counted as the partner's duplicate").isEqualTo(duplicatesBefore);
            assertThat(ordersTracked("acme", "S31-5001")).hasSize(1);

            upload(acme, "same.edi", file, modified.plusSeconds(3600));

            EdiText ta1 = EdiText.x12(OutboundFolder.take(acme, "TA1-", "TA1*000002031"));
            assertThat(ta1.segment("TA1").get(5)).as("025: duplicate interchange control number").isEqualTo("025");
            assertThat(reason(intake, "acme", "same.edi"))
                    .contains("interchange 000002031 not processed: duplicate of interchange 000002031 received in same.edi");
            assertThat(duplicateInterchanges("acme")).isEqualTo(duplicatesBefore + 1);
            for (String po : List.of("S31-5001", "S31-5002", "S31-5003")) {
                assertThat(erp.ordersFor(po)).as(po).hasSize(1);
            }
        }
    }

    /** Uploads under a name the intake skips, sets the time, then renames into place (the time stays). */
    private static void upload(SftpAccount account, String name, String content, Instant modified) throws Exception {
        account.put("inbound/" + name + ".part", content);
        account.setModified("inbound/" + name + ".part", modified);
        account.rename("inbound/" + name + ".part", "inbound/" + name);
    }

    private static long archived(SftpAccount intake, String partner, String suffix) throws Exception {
        return intake.list("/archive/" + partner).stream().filter(n -> n.endsWith(suffix)).count();
    }

    @Test
    void edifactDuplicateUnderLogPolicyIsLoggedAndCountedWithoutAnAcknowledgement() throws Exception {
        String file = EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "N1", "N1").replace("GLOBEXEU:14", "GLOBEXNL:14");
        try (SftpAccount globex = login("globex-nl"); SftpAccount intake = serviceView()) {
            globex.put("inbound/first.edi", file);
            OutboundFolder.take(globex, "CONTRL-", "UCI+N1+");
            await().atMost(Duration.ofSeconds(20)).until(() -> globex.list("inbound").isEmpty());
            double before = duplicateInterchanges("globex-nl");

            globex.put("inbound/again.edi", file);

            assertThat(reason(intake, "globex-nl", "again.edi"))
                    .contains("interchange N1 not processed: duplicate of interchange N1 received in first.edi");
            assertThat(duplicateInterchanges("globex-nl")).isEqualTo(before + 1);
            // acknowledgements are out before a file is placed: none came for the duplicate
            assertThat(OutboundFolder.peek(globex, "CONTRL-", "UCI+N1+")).isEmpty();
            assertThat(ordersTracked("globex-nl", "N1-9001")).hasSize(1);
        }
    }

    @Test
    void partnerRejectingWholeInterchangesHoldsBackTheGoodOrdersOfAFailingGroup() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-one-bad-transaction.edi", 4001, "W1")
                .replace("*ZZ*ACMEPARTNER    *", "*ZZ*INITECH        *").replace("GS*PO*ACMEPARTNER*", "GS*PO*INITECH*");
        try (SftpAccount initech = login("initech"); SftpAccount intake = serviceView()) {
            initech.put("inbound/one-bad.edi", file);

            EdiText ack = EdiText.x12(OutboundFolder.take(initech, "997-", "AK1*PO*103"));
            assertThat(ack.segment("AK5", 0)).containsExactly("AK5", "R");
            assertThat(ack.segment("AK2", 1)).containsExactly("AK2", "850", "0002");
            assertThat(ack.segment("AK3")).containsExactly("AK3", "BEG", "2", "", "3");   // 3: mandatory segment missing
            assertThat(ack.segment("AK5", 1)).containsExactly("AK5", "R", "5");
            assertThat(ack.segment("AK5", 2)).containsExactly("AK5", "R");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "3", "3", "0");

            assertThat(reason(intake, "initech", "one-bad.edi")).contains("transaction 850 0002 rejected")
                    .contains("interchange 000004001 rejected as a whole (partner policy): 2 good order(s) in it not admitted");
            assertThat(ordersTracked("initech", "W1-5001")).isEmpty();
            assertThat(ordersTracked("initech", "W1-5003")).isEmpty();
            assertThat(erp.ordersFor("W1-5001")).isEmpty();
        }
    }

    @Test
    void partnerRejectingWholeInterchangesGetsNoOrderBookedFromAnInterchangeWithABadTrailer() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-single.edi", 4002, "W2")
                .replace("*ZZ*ACMEPARTNER    *", "*ZZ*INITECH        *").replace("GS*PO*ACMEPARTNER*", "GS*PO*INITECH*")
                .replace("IEA*1*", "IEA*3*");
        try (SftpAccount initech = login("initech"); SftpAccount intake = serviceView()) {
            initech.put("inbound/bad-iea.edi", file);

            EdiText ta1 = EdiText.x12(OutboundFolder.take(initech, "TA1-", "TA1*000004002"));
            assertThat(ta1.segment("TA1")).containsExactly("TA1", "000004002", "261120", "1230", "R", "021");
            assertThat(reason(intake, "initech", "bad-iea.edi")).contains("interchange 000004002 rejected: ")
                    .contains("interchange 000004002 rejected as a whole (partner policy): 1 good order(s) in it not admitted");
            // the group itself is fine, but goes down with its interchange
            EdiText ack = EdiText.x12(OutboundFolder.take(initech, "997-", "AK1*PO*101"));
            assertThat(ack.segment("AK5")).containsExactly("AK5", "R");
            assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "1", "1", "0");
            assertThat(ordersTracked("initech", "W2-4711")).isEmpty();
            assertThat(erp.ordersFor("W2-4711")).isEmpty();
        }
    }

    private static SftpAccount login(String partner) throws Exception {
        return SftpAccount.login(sftpPort, partner, PartnerRegistryFile.PASSWORD);
    }

    private static SftpAccount serviceView() throws Exception {
        return SftpAccount.login(sftpPort, "interchange", interchange.property("interchange.sftp.service-password"));
    }

    /** Waits for {@code <stored name of fileName>.reason.txt} in the partner's error folder and reads it. */
    private static String reason(SftpAccount intake, String partner, String fileName) throws Exception {
        String suffix = "-" + fileName + ".reason.txt";
        // the reason is written first, then the file is moved beside it
        await().atMost(Duration.ofSeconds(30)).until(() -> intake.list("/error/" + partner).stream()
                .anyMatch(n -> n.endsWith(suffix) && intake.listQuietly("/error/" + partner)
                        .contains(n.substring(0, n.length() - ".reason.txt".length()))));
        String name = intake.list("/error/" + partner).stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow();
        return intake.get("/error/" + partner + "/" + name);
    }

    private static List<JsonNode> ordersTracked(String partner, String externalOrderNumber) {
        JsonNode documents = api.getJson("/api/v1/orders?partnerId=" + partner + "&externalOrderNumber="
                + externalOrderNumber).path("documents");
        List<JsonNode> found = new java.util.ArrayList<>();
        documents.forEach(found::add);
        return found;
    }

    private static double duplicateInterchanges(String partner) {
        String prefix = "interchange_edi_duplicate_interchanges_total{partner=\"" + partner + "\"";
        return api.get("/observe/metrics").body().lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
