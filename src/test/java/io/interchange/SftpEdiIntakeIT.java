package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.support.AdminClient;
import io.interchange.support.EdiSamples;
import io.interchange.support.Http;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partners drop EDI files into the embedded SFTP drop box with a real SFTP client and get back
 * acknowledgements, ERP orders and order responses, end to end through the bus and the ERP sandbox.
 */
class SftpEdiIntakeIT {

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static AdminClient viewer;
    private static int sftpPort;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        sftpPort = io.interchange.support.FreePorts.next();
        Map<String, String> properties = new HashMap<>(registry.dropBoxProperties(sftpPort));
        properties.put("interchange.admin.users", "vera:viewer");
        properties.put("interchange.admin.user.vera.password", "vera-secret");
        interchange = RunningInterchange.start(erp, properties);
        api = interchange.http();
        viewer = AdminClient.as(interchange, "vera", "vera-secret");
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-acme") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void singleX12OrderIsAcknowledgedWith997BookedInTheErpAndAnsweredWith855() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/acme-single.edi", EdiSamples.x12("x12/acme-850-004010-single.edi", 1001, "T1"));

            String ack = awaitOutbound(acme, "997-", "AK1*PO*101").get(0);
            List<String> segments = segments(ack, '~');
            assertThat(segments).contains("AK1*PO*101", "AK2*850*0001", "AK5*A", "AK9*A*1*1*1");
            assertThat(segments.get(0)).startsWith("ISA*00*          *00*          *ZZ*INTERCHANGE    *ZZ*ACMEPARTNER    *");
            assertThat(segments).anyMatch(s -> s.startsWith("GS*FA*INTERCHANGE*ACMEPARTNER*"));

            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("T1-4711").size() == 1);
            JsonNode booked = erp.ordersFor("T1-4711").get(0);
            assertThat(booked.path("lines")).hasSize(3);
            assertThat(booked.path("idempotencyKey").asText()).isEqualTo("edi:acme:T1-4711");

            JsonNode found = api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T1-4711").path("documents");
            assertThat(found).hasSize(1);
            JsonNode edi = found.get(0).path("edi");
            assertThat(edi.path("fileName").asText()).isEqualTo("acme-single.edi");
            assertThat(edi.path("interchangeControlNumber").asText()).isEqualTo("000001001");
            assertThat(edi.path("groupControlNumber").asText()).isEqualTo("101");
            assertThat(edi.path("transactionControlNumber").asText()).isEqualTo("0001");
            String documentId = found.get(0).path("documentId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.getJson("/api/v1/orders/" + documentId).path("state").asText().equals("accepted"));
            assertThat(api.getJson("/api/v1/orders/" + documentId).path("edi").path("fileName").asText()).isEqualTo("acme-single.edi");

            String response = awaitOutbound(acme, "855-", "T1-4711").get(0);
            assertThat(segments(response, '~')).anyMatch(s -> s.startsWith("BAK*00*AC*T1-4711*20261120"))
                    .contains("ACK*IA*10*EA", "CTT*3");
            assertThat(acme.list("inbound")).isEmpty();
        }
    }

    @Test
    void oneBadTransactionAmongGoodOnesIsRejectedAloneAndTheGoodOnesProceed() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/one-bad.edi", EdiSamples.x12("x12/acme-850-004010-one-bad-transaction.edi", 1002, "T2"));

            List<String> ack = segments(awaitOutbound(acme, "997-", "AK1*PO*103").get(0), '~');
            int second = ack.indexOf("AK2*850*0002");
            assertThat(ack.get(second - 1)).isEqualTo("AK5*A");
            assertThat(ack.get(second + 1)).startsWith("AK3*BEG*");
            assertThat(ack.get(second + 1)).endsWith("*3");        // AK304 3: mandatory segment missing
            assertThat(ack.get(second + 2)).isEqualTo("AK5*R*5");
            assertThat(ack).contains("AK1*PO*103", "AK9*P*3*3*2");

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T2-5003").path("documents").size() == 1);
            assertThat(api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T2-5001").path("documents")).hasSize(1);
            // DRILL-KIT is not an item the ERP knows: admitted by EDI, rejected by the ERP
            String documentId = api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T2-5003")
                    .path("documents").get(0).path("documentId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.getJson("/api/v1/orders/" + documentId).path("state").asText().equals("rejected"));
        }
        try (SftpAccount intake = serviceView()) {
            // the reason is written before the file is moved beside it: wait for both
            List<String> refused = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> intake.list("/error/acme"), names -> names.stream().anyMatch(n -> n.endsWith("one-bad.edi"))
                            && names.stream().anyMatch(n -> n.endsWith("one-bad.edi.reason.txt")));
            String reason = intake.get("/error/acme/" + refused.stream().filter(n -> n.endsWith("one-bad.edi.reason.txt")).findFirst().orElseThrow());
            assertThat(reason).contains("transaction 850 0002 rejected").contains("Mandatory segment missing");
        }
    }

    @Test
    void sameFileDroppedTwiceMakesOneErpOrderPerPoAndATa1() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-three-orders.edi", 1003, "T3");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            // SFTP keeps modification times in whole seconds: an upload of the same bytes under the same
            // name within the second of the first would be the same file to the intake (read again, not
            // a duplicate), so the two uploads carry times a minute apart, as a partner's resend does
            Instant firstUpload = Instant.now().minusSeconds(60);
            upload(acme, "three.edi", file, firstUpload);
            awaitOutbound(acme, "997-", "AK1*PO*102");
            await().atMost(Duration.ofSeconds(20)).until(() -> acme.list("inbound").isEmpty());

            upload(acme, "three.edi", file, firstUpload.plusSeconds(60));

            String ta1 = awaitOutbound(acme, "TA1-", "TA1*000001003").get(0);
            assertThat(segments(ta1, '~')).anyMatch(s -> s.startsWith("TA1*000001003*261121*0800*R*025"));
            await().atMost(Duration.ofSeconds(20)).until(() -> acme.list("inbound").isEmpty());
            for (String po : List.of("T3-5001", "T3-5002", "T3-5003")) {
                assertThat(api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=" + po).path("documents"))
                        .as(po).hasSize(1);
            }
            assertThat(interchange.queue("orders.inbound").getMessagesAdded()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void edifactOrdersWithoutUnaAreAcknowledgedWithContrl() throws Exception {
        try (SftpAccount globex = SftpAccount.login(sftpPort, "globex-eu", PartnerRegistryFile.PASSWORD)) {
            globex.put("inbound/orders.edi", EdiSamples.text("edifact/globex-orders-d96a-no-una-two-messages.edi"));

            List<String> contrl = segments(awaitOutbound(globex, "CONTRL-", "GX0002").get(0), '\'');
            assertThat(contrl).anyMatch(s -> s.startsWith("UNB+UNOA:2+INTERCHANGE:14+GLOBEXEU:14+"));
            assertThat(contrl).anyMatch(s -> s.startsWith("UCI+GX0002+GLOBEXEU:14+INTERCHANGE:14+7"));
            await().atMost(Duration.ofSeconds(20)).until(() -> erp.ordersFor("PO-9003").size() == 1);
            assertThat(erp.ordersFor("PO-9003").get(0).path("lines")).hasSize(2);
            assertThat(erp.ordersFor("PO-9002")).hasSize(1);
        }
    }

    @Test
    void fileThatIsNotEdiGoesToTheErrorFolderWithItsReason() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD);
                SftpAccount intake = serviceView()) {
            acme.put("inbound/not-edi.csv", EdiSamples.text("other/not-edi.csv"));

            // the reason is written just before the file is moved beside it
            await().atMost(Duration.ofSeconds(20)).until(() -> intake.list("/error/acme").stream().filter(n -> n.contains("not-edi.csv")).count() == 2);
            String name = intake.list("/error/acme").stream().filter(n -> n.endsWith("not-edi.csv.reason.txt")).findFirst().orElseThrow();
            assertThat(intake.get("/error/acme/" + name)).contains("Not an EDI file");
            assertThat(intake.list("/error/acme")).contains(name.replace(".reason.txt", ""));
            assertThat(acme.list("inbound")).doesNotContain("not-edi.csv");
        }
    }

    @Test
    void fileOverThePartnersSizeLimitIsRefusedUnread() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD);
                SftpAccount intake = serviceView()) {
            byte[] big = new byte[2_000_001];
            Arrays.fill(big, (byte) 'X');
            // uploaded under a temporary name and renamed when complete, as careful clients do
            acme.put("inbound/huge.edi.part", big);
            acme.rename("inbound/huge.edi.part", "inbound/huge.edi");

            await().atMost(Duration.ofSeconds(20)).until(() -> intake.list("/error/acme").stream().anyMatch(n -> n.endsWith("huge.edi.reason.txt")));
            String name = intake.list("/error/acme").stream().filter(n -> n.endsWith("huge.edi.reason.txt")).findFirst().orElseThrow();
            assertThat(intake.get("/error/acme/" + name)).contains("over partner acme's limit of 2000000 bytes");
        }
    }

    @Test
    void halfWrittenFileIsNotTakenUntilComplete() throws Exception {
        String file = EdiSamples.x12("x12/acme-850-004010-single.edi", 1004, "T4");
        byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
        // the upload keeps a session of its own, as a partner's client would
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD);
                SftpAccount uploader = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            OutputStream upload = uploader.open("inbound/slow.edi");
            upload.write(bytes, 0, bytes.length / 2);
            upload.flush();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                    acme.list("inbound").contains("slow.edi")
                            && api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T4-4711").path("documents").isEmpty());

            upload.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            upload.close();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T4-4711").path("documents").size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> acme.list("inbound").isEmpty());
        }
    }

    /**
     * A bus commit that fails across a broker failover may still have reached the bus: the file is left
     * for its next read, its orders go on to the ERP, and nothing of the file's pass is recorded. The
     * 855 of such an order waits (no attempt spent) until the file's next read records the order's
     * origin, then goes out once. The state that failover leaves is made here by stopping the 855 route
     * and deleting what the pass recorded.
     */
    @Test
    void anOrderResponseWaitsForTheOriginItsFilesNextReadRecords() throws Exception {
        String route = "outbound-edi-855-acme";
        DataSource database = interchange.context().getRegistry().findSingleByType(DataSource.class);
        String file = EdiSamples.x12("x12/acme-850-004010-single.edi", 1009, "T9");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            interchange.context().getRouteController().stopRoute(route);
            acme.put("inbound/acme-unrecorded.edi", file);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T9-4711").path("documents").size() == 1);
            String documentId = api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=T9-4711")
                    .path("documents").get(0).path("documentId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.getJson("/api/v1/orders/" + documentId).path("state").asText().equals("accepted"));
            await().atMost(Duration.ofSeconds(20)).until(() -> acme.list("inbound").isEmpty());
            awaitOutbound(acme, "997-", "ISA*00*          *00*          *ZZ*INTERCHANGE");
            execute(database, "delete from edi_transaction where document_id = '" + documentId + "'");
            execute(database, "delete from edi_interchange where partner_id = 'acme' and control_number = '000001009'");

            interchange.context().getRouteController().startRoute(route);
            JsonNode waiting = awaitStep(documentId, "order-response-retrying");
            assertThat(waiting.path("detail").asText()).startsWith("waiting, no attempt counted: order " + documentId
                    + " has no EDI origin recorded yet");
            assertThat(acme.list("outbound")).noneMatch(name -> name.startsWith("855-"));

            acme.put("inbound/acme-unrecorded.edi", file);   // the file's next read
            String response = awaitOutbound(acme, "855-", "T9-4711").get(0);
            assertThat(segments(response, '~')).anyMatch(s -> s.startsWith("BAK*00*AC*T9-4711*"));
            assertThat(api.getJson("/api/v1/orders/" + documentId).path("edi").path("fileName").asText())
                    .isEqualTo("acme-unrecorded.edi");
            awaitStep(documentId, "order-response-sent");
            assertThat(viewer.getJson("/admin/v1/documents/" + documentId).path("timeline").findValuesAsText("step"))
                    .doesNotContain("order-response-dead-lettered")
                    .filteredOn("order-response-sent"::equals).hasSize(1);
            assertThat(acme.list("outbound")).noneMatch(name -> name.startsWith("855-"));
        } finally {
            interchange.context().getRouteController().startRoute(route);
        }
    }

    /** Uploads under a name the intake skips, sets the time, then renames into place (the time stays). */
    private static void upload(SftpAccount account, String name, String content, Instant modified) throws Exception {
        account.put("inbound/" + name + ".part", content);
        account.setModified("inbound/" + name + ".part", modified);
        account.rename("inbound/" + name + ".part", "inbound/" + name);
    }

    private static JsonNode awaitStep(String documentId, String step) {
        JsonNode[] hop = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode entry : viewer.getJson("/admin/v1/documents/" + documentId).path("timeline")) {
                if (entry.path("step").asText().equals(step)) {
                    hop[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return hop[0];
    }

    private static void execute(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @Test
    void aFileLeftStagedByAPassThatStoppedAfterItsCommitIsDeliveredByTheRelay() throws Exception {
        // what a pass leaves when it stops after committing a 997's control numbers and before writing
        // the file (a killed instance): the staged row; route edi-staged-files delivers it
        String name = "997-990001.x12";
        String content = "ISA*00*STAGED-BY-A-STOPPED-PASS~";
        DataSource dataSource = interchange.bean("dataSource", DataSource.class);
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into edi_outbound_staged (partner_id, file_name, content,"
                        + " staged_at) values ('acme', ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setBytes(2, content.getBytes(StandardCharsets.UTF_8));
            insert.setTimestamp(3, java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
            insert.executeUpdate();
        }

        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(awaitOutbound(acme, name, "STAGED-BY-A-STOPPED-PASS")).containsExactly(content);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> io.interchange.support.TrackingDatabase.strings(dataSource,
                "select file_name from edi_outbound_staged where file_name = '" + name + "'").isEmpty());
    }

    private static SftpAccount serviceView() throws Exception {
        return SftpAccount.login(sftpPort, "interchange", interchange.property("interchange.sftp.service-password"));
    }

    /**
     * Waits for a file in outbound/ whose name starts with {@code prefix} and whose content has
     * {@code mark} (tests share the partner's folder), takes it away and returns its content.
     */
    private static List<String> awaitOutbound(SftpAccount account, String prefix, String mark) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (String name : account.list("outbound")) {
                if (name.startsWith(prefix)) {
                    String content = account.get("outbound/" + name);
                    if (content.contains(mark)) {
                        account.rm("outbound/" + name);
                        found.add(content);
                        return true;
                    }
                }
            }
            return false;
        });
        return found;
    }

    private static List<String> segments(String edi, char terminator) {
        return Arrays.stream(edi.split(java.util.regex.Pattern.quote(String.valueOf(terminator))))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
