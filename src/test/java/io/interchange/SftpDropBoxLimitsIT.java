package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import io.interchange.support.FreePorts;
import io.interchange.support.Http;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drop box's doors, tried with a real SFTP client as a careless or hostile partner would:
 * uploads over the quota, links, renaming the fixed folders, writing into outbound/, password
 * guessing, a client that dribbles its handshake; and what ops see when a partner's folder is gone.
 */
class SftpDropBoxLimitsIT {

    private static final int MAX_FILE = 256 * 1024;
    private static final int MAX_INBOUND = 512 * 1024;
    private static final int SFTP_V3_FAILURE = 4;
    private static final int SFTP_V3_PERMISSION_DENIED = 3;

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static int sftpPort;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        sftpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>(registry.dropBoxProperties(sftpPort));
        properties.put("interchange.sftp.upload.max-file-bytes", String.valueOf(MAX_FILE));
        properties.put("interchange.sftp.upload.max-inbound-bytes", String.valueOf(MAX_INBOUND));
        properties.put("interchange.login.user-failures", "3");
        // the intake logs in from the same loopback address as the test's guesses
        properties.put("interchange.login.address-failures", "1000");
        properties.put("interchange.sftp.session.login-timeout-seconds", "3");
        properties.put("interchange.sftp.intake.health-failed-polls", "2");
        interchange = RunningInterchange.start(erp, properties);
        api = interchange.http();
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-globex-us") != null);
    }

    @AfterAll
    static void stop() {
        interchange.close();
        erp.close();
    }

    @Test
    void anUploadOverTheFileQuotaIsCutOffWhileWritingAndRemoved() throws Exception {
        long sent = 0;
        IOException refused = null;
        // the upload on a session of its own: JSch leaves the answers to its pipelined writes unread
        try (SftpAccount uploader = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            byte[] chunk = new byte[32 * 1024];
            try (OutputStream upload = uploader.open("inbound/big.edi")) {
                while (sent < 16L * MAX_FILE) {
                    upload.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException e) {
                refused = e;
            }
        }

        assertThat(refused).as("the put fails").isNotNull();
        assertThat(sent).as("cut off while the file was still being sent").isLessThan(16L * MAX_FILE);
        assertThat(messages(refused)).contains("quota exceeded: a file may hold at most " + MAX_FILE + " bytes");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(acme.list("inbound")).doesNotContain("big.edi");
        }
        assertThat(interchange.dataDir().resolve("sftp/partners/acme/inbound/big.edi")).doesNotExist();
    }

    @Test
    void whatWaitsInInboundCountsTowardsThePartnersTotal() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            // .part files are not taken by the intake: they stay and fill inbound/
            acme.put("inbound/one.part", new byte[200 * 1024]);
            acme.put("inbound/two.part", new byte[200 * 1024]);
        }
        try {
            SftpException refused;
            try (SftpAccount uploader = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
                refused = catchSftp(() -> uploader.put("inbound/three.part", new byte[200 * 1024]));
            }

            assertThat(refused.id).isEqualTo(SFTP_V3_FAILURE);
            assertThat(refused.getMessage()).contains("quota exceeded: inbound/ may hold at most " + MAX_INBOUND + " bytes in all");
            assertThat(interchange.dataDir().resolve("sftp/partners/acme/inbound/three.part")).doesNotExist();
        } finally {
            try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
                acme.rm("inbound/one.part");
                acme.rm("inbound/two.part");
            }
        }
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            acme.put("inbound/three.part", new byte[200 * 1024]);
            acme.rm("inbound/three.part");
        }
    }

    @Test
    void linksAreRefused() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            SftpException refused = catchSftp(() -> acme.symlink("/outbound", "inbound/loop"));

            assertThat(refused.id).isEqualTo(SFTP_V3_PERMISSION_DENIED);
            assertThat(refused.getMessage()).isEqualTo("links are not allowed in the drop box");
            assertThat(acme.list("inbound")).doesNotContain("loop");
        }
    }

    @Test
    void inboundAndOutboundCannotBeRenamedOrRemoved() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(catchSftp(() -> acme.rename("inbound", "inbound-old")).getMessage())
                    .isEqualTo("inbound/ and outbound/ cannot be renamed or removed");
            assertThat(catchSftp(() -> acme.rmdir("outbound")).id).isEqualTo(SFTP_V3_PERMISSION_DENIED);
            assertThat(catchSftp(() -> acme.mkdir("inbound/sub")).getMessage()).contains("no folders can be made");

            assertThat(acme.list("/")).contains("inbound", "outbound");
        }
    }

    @Test
    void outboundIsReadOnlyForThePartnerExceptPickingUp() throws Exception {
        Path outbound = interchange.dataDir().resolve("sftp/partners/acme/outbound");
        Files.writeString(outbound.resolve("997-test.edi"), "ISA*00*~");
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            SftpException write = catchSftp(() -> acme.put("outbound/forged-855.edi", "ISA*00*~"));
            SftpException overwrite = catchSftp(() -> acme.put("outbound/997-test.edi", "changed"));
            SftpException rename = catchSftp(() -> acme.rename("outbound/997-test.edi", "outbound/997-seen.edi"));
            SftpException moveIn = catchSftp(() -> acme.rename("outbound/997-test.edi", "inbound/997-test.edi"));

            assertThat(write.id).isEqualTo(SFTP_V3_PERMISSION_DENIED);
            assertThat(write.getMessage()).startsWith("outbound/ is read-only");
            assertThat(overwrite.getMessage()).startsWith("outbound/ is read-only");
            assertThat(rename.getMessage()).startsWith("outbound/ is read-only");
            assertThat(moveIn.getMessage()).startsWith("outbound/ is read-only");
            assertThat(acme.get("outbound/997-test.edi")).isEqualTo("ISA*00*~");

            acme.rm("outbound/997-test.edi");
            assertThat(acme.list("outbound")).doesNotContain("997-test.edi", "forged-855.edi");
        }
    }

    @Test
    void noFolderIsWritableByGroupOrOthers() throws Exception {
        try (SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD)) {
            assertThat(acme.permissions("inbound") & 0022).as("inbound %o", acme.permissions("inbound")).isZero();
            assertThat(acme.permissions("outbound") & 0022).isZero();
        }
        Path sftp = interchange.dataDir().resolve("sftp");
        for (String folder : new String[] {"partners/acme", "partners/acme/inbound", "partners/acme/outbound", "archive/acme", "error/acme"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sftp.resolve(folder)))).as(folder)
                    .isEqualTo("rwxr-x---");
        }
    }

    @Test
    void wrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        SftpAccount.login(sftpPort, "globex-eu", PartnerRegistryFile.PASSWORD).close();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> SftpAccount.login(sftpPort, "globex-eu", "guess")).isInstanceOf(JSchException.class);
        }

        assertThatThrownBy(() -> SftpAccount.login(sftpPort, "globex-eu", PartnerRegistryFile.PASSWORD))
                .as("locked: the right password is refused unchecked").isInstanceOf(JSchException.class)
                .hasMessageContaining("Auth fail");
        SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD).close();
    }

    @Test
    void aClientThatDribblesItsHandshakeIsCutOff() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("localhost", sftpPort)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            byte[] line = ("SSH-2.0-" + "x".repeat(240)).getBytes(StandardCharsets.US_ASCII);
            dribbler.scheduleAtFixedRate(() -> {
                try {
                    out.write(line[Math.min(sent.getAndIncrement(), line.length - 1)]);
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection: the wait below sees it
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(60)).until(() -> closed(socket.getInputStream()));

            assertThat(sent.get()).as("cut off by the login timeout, long before the line is complete").isLessThan(line.length);
        } finally {
            dribbler.shutdownNow();
        }
    }

    @Test
    void aPartnerWhoseInboundIsGoneMakesHealthNameItWhileTheInstanceStaysReady() throws Exception {
        Path inbound = interchange.dataDir().resolve("sftp/partners/globex-us/inbound");
        Files.delete(inbound);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(partnerIntakes().path("status").asText()));

            JsonNode check = partnerIntakes();
            assertThat(check.path("message").asText()).startsWith("partner intake cannot poll: globex-us");
            assertThat(check.path("data").path("partner.globex-us").asText()).contains("polls failed in a row");
            assertThat(api.get("/observe/health").statusCode()).isEqualTo(503);
            assertThat(api.get("/observe/health/ready").statusCode()).as("REST and webhooks go on").isEqualTo(200);
            assertThat(api.get("/observe/health/live").statusCode()).isEqualTo(200);
        } finally {
            Files.createDirectories(inbound);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(partnerIntakes().path("status").asText()));
    }

    private static JsonNode partnerIntakes() {
        for (JsonNode check : Http.json(api.get("/observe/health?data=true")).path("checks")) {
            if ("partner-intakes".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check partner-intakes in /observe/health");
    }

    private static boolean closed(InputStream in) {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private interface SftpCall {
        void run() throws Exception;
    }

    private static SftpException catchSftp(SftpCall call) {
        try {
            call.run();
        } catch (SftpException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an SFTP error status, got " + e, e);
        }
        throw new AssertionError("expected an SFTP error status, the call succeeded");
    }
}
