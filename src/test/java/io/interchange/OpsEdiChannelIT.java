package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.EdiSamples;
import io.interchange.support.FreePorts;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RouteFiles;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ops on the EDI channel: a partner order's timeline from its file to the 855, the overdue-response
 * gauge, and a partner's SFTP intake suspended and resumed over the admin API.
 */
class OpsEdiChannelIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static AdminClient ops;
    private static int sftpPort;
    private static RouteFiles files;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        files = RouteFiles.copyOfRepository();
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        // a partner onboarded by its registry entry alone: no mappings, the built-in default applies
        registry.write(PartnerRegistryFile.examplePartners("""
                  - id: initech
                    standard: x12
                    version: "004010"
                    x12: { qualifier: "01", id: "123456789" }
                    transport: { type: dropbox, password-hash: "%s" }
                """.formatted(PartnerRegistryFile.hash())));
        sftpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(registry.dropBoxProperties(sftpPort));
        properties.putAll(Map.ofEntries(
                Map.entry("interchange.mappings.dir", files.mappings().toString()),
                // relative, as the default ./data/sftp is: sessions must still resolve their folders
                Map.entry("interchange.sftp.root", "target/drop-box-" + sftpPort),
                Map.entry("interchange.processing.max-attempts", "2"),
                // every unanswered order is overdue at once, counted every 300 ms
                Map.entry("interchange.edi.order-response.overdue-minutes", "0"),
                Map.entry("interchange.edi.order-response.check-ms", "300"),
                // every 855 without the partner's 997 is overdue at once, counted every 300 ms
                Map.entry("interchange.edi.acknowledgement.due", "PT0S"),
                Map.entry("interchange.edi.acknowledgement.check-ms", "300"),
                // this ERP books lines without a sku by UPC, then GTIN/EAN, then vendor part (default: VP first)
                Map.entry("interchange.erp.sku-identifier-order", "UP,EN,VP"),
                Map.entry("interchange.admin.users", "olga:ops"),
                Map.entry("interchange.admin.user.olga.password", "olga-secret")));
        interchange = RunningInterchange.start(erp, properties);
        ops = AdminClient.as(interchange, "olga", "olga-secret");
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-acme") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void partnerOrderTimelineRunsFromTheFileToThe855AndIsOverdueUntilAnswered() throws Exception {
        interchange.context().getRouteController().stopRoute("process-orders");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/ops-single.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 3001, "OP1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("997-")));
            String documentId = awaitDocument("acme", "OP1-4711");

            await().atMost(Duration.ofSeconds(10)).until(() -> overdueGauge().contains("partner=\"acme\"} 1.0"));
            assertThat(overdueGauge()).contains("partner=\"globex-eu\"} 0.0");

            interchange.context().getRouteController().startRoute("process-orders");
            JsonNode document = awaitStep(documentId, "order-response-sent");
            await().atMost(Duration.ofSeconds(10)).until(() -> overdueGauge().contains("partner=\"acme\"} 0.0"));

            List<String> steps = document.path("timeline").findValuesAsText("step");
            assertThat(steps).containsSubsequence("received", "file-received", "acknowledgement-sent", "erp-attempt",
                    "accepted", "order-response-sent");
            assertThat(detailOf(document, "file-received"))
                    .isEqualTo("850 0001 in group 101 of interchange 000003001, file ops-single.edi");
            assertThat(detailOf(document, "acknowledgement-sent")).matches("in outbound/: 997-\\d+\\.x12");
            assertThat(detailOf(document, "order-response-sent")).matches("855 \\(accepted\\) in outbound/855-\\d+\\.x12, interchange \\d+");
            String responseFile = detailOf(document, "order-response-sent").replaceAll(".*outbound/(855-\\d+\\.x12).*", "$1");
            assertThat(outboundFile(acme, responseFile)).contains("BAK*00*AC*OP1-4711");
        } finally {
            // a failure half-way must not leave order processing stopped for the other tests
            interchange.context().getRouteController().startRoute("process-orders");
        }
    }

    @Test
    void partner997ForThe855ClosesTheLoopOnTheTimelineAndGetsNoAcknowledgementBack() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/ops-ack-loop.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 3005, "OP5"));
            String documentId = awaitDocument("acme", "OP5-4711");
            JsonNode answered = awaitStep(documentId, "order-response-sent");
            String responseFile = detailOf(answered, "order-response-sent").replaceAll(".*outbound/(855-\\d+\\.x12).*", "$1");
            String response = outboundFile(acme, responseFile);
            String interchangeNumber = element(response, "ISA", 13).replaceFirst("^0+", "");
            String group = element(response, "GS", 6);
            String transaction = element(response, "ST", 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> overdueAcknowledgements("acme").contains(documentId));
            // the gauge is refreshed on its own timer, a moment after the admin list shows the document
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metric("interchange_edi_acknowledgements_overdue{partner=\"acme\"}") > 0);
            List<String> outboundBefore = acme.list("outbound");

            acme.put("inbound/997-for-" + responseFile, partner997(3006, "AK1*PR*" + group + "~AK2*855*" + transaction
                    + "~AK5*A~AK9*A*1*1*1~"));

            JsonNode acknowledged = awaitStep(documentId, "acknowledged-by-partner");
            // control numbers as recorded, without the padding of the written ST02
            assertThat(detailOf(acknowledged, "acknowledged-by-partner")).isEqualTo("855 " + transaction.replaceFirst("^0+", "")
                    + " of interchange " + interchangeNumber + " (outbound/" + responseFile + ") accepted by partner: 997 0001"
                    + " in file 997-for-" + responseFile + " (AK5 A; AK9 A)");
            assertThat(outcomeOf(acknowledged, "acknowledged-by-partner")).isEqualTo("ok");
            await().atMost(Duration.ofSeconds(60)).until(() -> !overdueAcknowledgements("acme").contains(documentId));
            await().atMost(Duration.ofSeconds(60)).until(() -> storedIn("archive", "997-for-" + responseFile));
            assertThat(storedIn("error", "997-for-" + responseFile)).isFalse();
            assertThat(acme.list("outbound")).as("a 997 is never acknowledged").containsExactlyInAnyOrderElementsOf(outboundBefore);

            // a 997 for a group Interchange never sent is kept and counted, not refused or retried
            acme.put("inbound/997-unknown.x12", partner997(3007, "AK1*PR*987654~AK9*A*1*1*1~"));
            await().atMost(Duration.ofSeconds(60)).until(() -> storedIn("archive", "997-unknown.x12"));
            assertThat(metric("interchange_edi_partner_acknowledgements_total{outcome=\"unknown\",partner=\"acme\"}")).isEqualTo(1.0);
            assertThat(acme.list("outbound")).containsExactlyInAnyOrderElementsOf(outboundBefore);
        }
    }

    @Test
    void partnerContrlRejectingTheOrdrspShowsOnTheTimelineAndGetsNoContrlBack() throws Exception {
        try (SftpAccount globex = SftpAccount.login(sftpPort, "globex-eu", PartnerRegistryFile.PASSWORD)) {
            globex.put("inbound/ops-contrl-loop.edi", EdiSamples.edifact("edifact/globex-orders-d96a-una.edi", "OA1", "OA1"));
            String documentId = awaitDocument("globex-eu", "OA1-9001");
            JsonNode answered = awaitStep(documentId, "order-response-sent");
            String responseFile = detailOf(answered, "order-response-sent").replaceAll(".*outbound/(ORDRSP-\\d+\\.edi).*", "$1");
            String response = outboundFile(globex, responseFile);
            String interchangeReference = edifactElement(response, "UNB", 5);
            String messageReference = edifactElement(response, "UNH", 1);
            List<String> outboundBefore = globex.list("outbound");

            globex.put("inbound/contrl-for-" + responseFile, "UNA:+.? 'UNB+UNOC:3+GLOBEXEU:14+INTERCHANGE:14+261121:0900+OA2'"
                    + "UNH+1+CONTRL:D:3:UN'UCI+" + interchangeReference + "+INTERCHANGE:14+GLOBEXEU:14+7'"
                    + "UCM+" + messageReference + "+ORDRSP:D:96A:UN+4+13'UNT+4+1'UNZ+1+OA2'");

            JsonNode acknowledged = awaitStep(documentId, "acknowledged-by-partner");
            assertThat(outcomeOf(acknowledged, "acknowledged-by-partner")).isEqualTo("rejected");
            assertThat(detailOf(acknowledged, "acknowledged-by-partner")).isEqualTo("ORDRSP " + messageReference
                    + " of interchange " + interchangeReference + " (outbound/" + responseFile + ") rejected by partner:"
                    + " CONTRL 1 in file contrl-for-" + responseFile + " (UCM 4 error 13; UCI 7)");
            await().atMost(Duration.ofSeconds(60)).until(() -> storedIn("archive", "contrl-for-" + responseFile, "globex-eu"));
            assertThat(globex.list("outbound")).as("a CONTRL is never acknowledged").containsExactlyInAnyOrderElementsOf(outboundBefore);
        }
    }

    @Test
    void partnerWithoutMappingFilesHasIts850BookedUnderTheItemOfTheConfiguredOrder() throws Exception {
        try (SftpAccount initech = SftpAccount.login(sftpPort, "initech", PartnerRegistryFile.PASSWORD)) {
            initech.put("inbound/po-5150.edi", EdiSamples.text("default-mapping/x12-850-004010-mixed-qualifiers.edi"));

            await().atMost(Duration.ofSeconds(60)).until(() -> erp.ordersFor("PO-5150").size() == 1);
            JsonNode booked = erp.ordersFor("PO-5150").get(0);
            // line 1 (BP, VN, UP) and line 3 (five pairs): the UPC; line 2 (IN, EN): the EAN
            assertThat(booked.path("lines").findValuesAsText("item")).containsExactly("012345678905", "4006381333931",
                    "036000291452");
            assertThat(booked.path("customer").asText()).isEqualTo("IN-001");
            assertThat(booked.path("currency").asText()).isEqualTo("CAD");
            await().atMost(Duration.ofSeconds(60)).until(() -> initech.list("outbound").stream().anyMatch(n -> n.startsWith("997-")));
            String ack = initech.get("outbound/" + initech.list("outbound").stream().filter(n -> n.startsWith("997-")).findFirst().orElseThrow());
            assertThat(ack).contains("AK5*A").contains("AK9*A*1*1*1");
        }
    }

    @Test
    void suspendedPartnerIntakeLeavesFilesInInboundUntilResumed() throws Exception {
        JsonNode suspended = ops.postJson("/admin/v1/intakes/sftp-globex-us/suspend", "{\"reason\":\"partner resends last week's files\"}");
        assertThat(suspended.path("suspended").asBoolean()).isTrue();
        assertThat(interchange.context().getRouteController().getRouteStatus("intake-sftp-globex-us").isStarted()).isFalse();
        assertThat(interchange.context().getRouteController().getRouteStatus("intake-sftp-acme").isStarted())
                .as("other partners keep their intake").isTrue();

        try (SftpAccount globex = SftpAccount.login(sftpPort, "globex-us", PartnerRegistryFile.PASSWORD)) {
            globex.put("inbound/held.edi", EdiSamples.text("x12/globex-850-005010-two-interchanges-one-line.edi"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> globex.list("inbound").contains("held.edi") && globex.list("outbound").isEmpty());

            JsonNode resumed = ops.postJson("/admin/v1/intakes/sftp-globex-us/resume", "");

            assertThat(resumed.path("suspended").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> globex.list("inbound").isEmpty()
                    && globex.list("outbound").stream().filter(n -> n.startsWith("999-")).count() == 2);
        }
        assertThat(ops.getJson("/admin/v1/audit?target=intake%20sftp-globex-us").path("entries").findValuesAsText("action"))
                .containsExactly("resume", "suspend");
    }

    @Test
    void orderResponseThatCannotBeWrittenIsDeadLetteredAndReplayedOnceTheCauseIsFixed() throws Exception {
        String mapping = files.read("mappings/acme/x12-855.jslt");
        files.delete("mappings/acme/x12-855.jslt");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/ops-no-response.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 3003, "OP3"));
            String documentId = awaitDocument("acme", "OP3-4711");
            JsonNode failed = awaitStep(documentId, "order-response-dead-lettered");

            assertThat(failed.path("state").asText()).as("the order itself is booked").isEqualTo("accepted");
            assertThat(detailOf(failed, "order-response-dead-lettered"))
                    .startsWith("after 2 attempts: ").contains("Mapping file missing").contains("x12-855.jslt");
            // the dead-lettered hop is written a moment before the JMS transaction that moves the event commits
            await().atMost(Duration.ofSeconds(10)).until(() -> ops.getJson("/admin/v1/dead-letters?queue=edi.order-responses.dlq")
                    .path("matched").asInt() == 1);
            JsonNode listed = ops.getJson("/admin/v1/dead-letters?queue=edi.order-responses.dlq");
            JsonNode letter = listed.path("deadLetters").get(0);
            assertThat(letter.path("documentId").asText()).isEqualTo(documentId);
            assertThat(letter.path("failedRoute").asText()).isEqualTo("outbound-edi-855-acme");
            assertThat(letter.path("originalQueue").asText()).isEqualTo("edi.order-responses");
            assertThat(letter.path("attempts").asInt()).isEqualTo(2);

            files.write("mappings/acme/x12-855.jslt", mapping);
            JsonNode replayed = ops.postJson("/admin/v1/dead-letters/" + letter.path("id").asText() + "/replay", "");

            assertThat(replayed.path("outcome").asText()).isEqualTo("ok");
            JsonNode answered = awaitStep(documentId, "order-response-sent");
            String responseFile = detailOf(answered, "order-response-sent").replaceAll(".*outbound/(855-\\d+\\.x12).*", "$1");
            assertThat(outboundFile(acme, responseFile)).contains("BAK*00*AC*OP3-4711");
            assertThat(ops.getJson("/admin/v1/dead-letters?queue=edi.order-responses.dlq").path("matched").asInt()).isZero();
        }
    }

    /** A 997 from ACME (X12 004010) with interchange number {@code icn} holding {@code body} between ST and SE. */
    /**
     * The file the timeline names: its hop commits with its control numbers, and the file goes to
     * outbound/ a moment after that commit (PartnerOutbox), so it is waited for.
     */
    private static String outboundFile(SftpAccount account, String name) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> account.list("outbound").contains(name));
        return account.get("outbound/" + name);
    }

    private static String partner997(long icn, String body) {
        int segments = body.split("~").length + 2;
        return "ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261121*0900*U*00401*"
                + String.format("%09d", icn) + "*0*P*>~GS*FA*ACMEPARTNER*INTERCHANGE*20261121*0900*" + icn
                + "*X*004010~ST*997*0001~" + body + "SE*" + segments + "*0001~GE*1*" + icn + "~IEA*1*"
                + String.format("%09d", icn) + "~";
    }

    /** The {@code position}th element of the first {@code tag} segment of an X12 document written with * and ~. */
    private static String element(String x12, String tag, int position) {
        for (String segment : x12.split("~")) {
            String[] elements = segment.strip().split("\\*", -1);
            if (elements[0].equals(tag)) {
                return elements[position];
            }
        }
        throw new AssertionError("no " + tag + " in " + x12);
    }

    private static String overdueAcknowledgements(String partner) {
        return ops.getJson("/admin/v1/edi/acknowledgements/overdue?partnerId=" + partner).path("overdue").toString();
    }

    private static double metric(String series) {
        return interchange.http().get("/observe/metrics").body().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst().orElse(0);
    }

    /** The {@code position}th element of the first {@code tag} segment of an EDIFACT document written with + and '. */
    private static String edifactElement(String edifact, String tag, int position) {
        for (String segment : edifact.split("'")) {
            String[] elements = segment.strip().split("\\+", -1);
            if (elements[0].equals(tag)) {
                return elements[position];
            }
        }
        throw new AssertionError("no " + tag + " in " + edifact);
    }

    /** Whether the intake moved a file of this name to the drop box's archive or error folder for acme. */
    private static boolean storedIn(String folder, String name) throws IOException {
        return storedIn(folder, name, "acme");
    }

    /** Whether the intake moved a file of this name to the drop box's archive or error folder for the partner. */
    private static boolean storedIn(String folder, String name, String partner) throws IOException {
        Path dir = Path.of("target/drop-box-" + sftpPort, folder, partner);
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().contains(name));
        }
    }

    private static String outcomeOf(JsonNode document, String step) {
        for (JsonNode hop : document.path("timeline")) {
            if (hop.path("step").asText().equals(step)) {
                return hop.path("outcome").asText();
            }
        }
        throw new AssertionError("no " + step + " in " + document);
    }

    private static String overdueGauge() {
        return interchange.http().get("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("interchange_edi_order_responses_overdue{"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String awaitDocument(String partner, String number) {
        String path = "/api/v1/orders?partnerId=" + partner + "&externalOrderNumber=" + number;
        await().atMost(Duration.ofSeconds(60)).until(() -> interchange.http().getJson(path).path("documents").size() == 1);
        return interchange.http().getJson(path).path("documents").get(0).path("documentId").asText();
    }

    private static JsonNode awaitStep(String documentId, String step) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = ops.getJson("/admin/v1/documents/" + documentId);
            return last[0].path("timeline").findValuesAsText("step").contains(step);
        });
        return last[0];
    }

    private static String detailOf(JsonNode document, String step) {
        for (JsonNode hop : document.path("timeline")) {
            if (hop.path("step").asText().equals(step)) {
                return hop.path("detail").asText();
            }
        }
        throw new AssertionError("no " + step + " in " + document);
    }
}
