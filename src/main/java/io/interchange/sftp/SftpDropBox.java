package io.interchange.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.support.service.ServiceSupport;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SFTP server partners drop files into (Apache MINA SSHD): SFTP only, no shell or
 * port forwarding; password or public-key logins checked against the registry; each session
 * confined to its account's folder, where {@link DropBoxFileAccess} decides what it may do;
 * connections are cut off by the {@link SftpSessionLimits}. The host key is generated once and kept in the data
 * directory, so clients that accepted it once keep trusting it across restarts.
 */
public class SftpDropBox extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SftpDropBox.class);

    private final String host;
    private final int port;
    private final Path hostKeyFile;
    private final DropBoxAccounts accounts;
    private final DropBoxFileAccess fileAccess;
    private final SftpSessionLimits limits;
    private final UploadsInProgress uploads;
    private SshServer server;

    public SftpDropBox(String host, int port, Path hostKeyFile, DropBoxAccounts accounts, DropBoxFileAccess fileAccess,
            SftpSessionLimits limits, UploadsInProgress uploads) {
        this.host = host;
        this.port = port;
        this.hostKeyFile = hostKeyFile;
        this.accounts = accounts;
        this.fileAccess = fileAccess;
        this.limits = limits;
        this.uploads = uploads;
    }

    public int port() {
        return server == null ? port : server.getPort();
    }

    /**
     * The host key: read from {@code file}, or generated there once as ECDSA on NIST P-256
     * ({@code ecdsa-sha2-nistp256}, what {@code ssh-keygen} makes for ECDSA). Not SSHD's default
     * curve, P-521: JSch (2.27.7), the SFTP client of Camel, Mule and many partners' Java tools, builds
     * a malformed DER signature from a P-521 signature whose {@code r} is shorter than 64 bytes
     * and refuses the server ("Invalid encoding for signature"): about one login in 260,000 (r below 2^503).
     * A key already in {@code file} is kept whatever its curve: clients that trust it keep trusting it.
     */
    static SimpleGeneratorHostKeyProvider hostKeyProvider(Path file) {
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(file);
        hostKey.setAlgorithm("EC");
        hostKey.setKeySize(256);
        return hostKey;
    }

    @Override
    protected void doStart() throws IOException {
        Files.createDirectories(hostKeyFile.getParent());
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(hostKeyProvider(hostKeyFile));
        server.setPasswordAuthenticator(accounts);
        server.setPublickeyAuthenticator(accounts);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setFileSystemFactory(accounts);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(fileAccess)
                .withSftpErrorStatusDataHandler(new DropBoxRefusalMessages())
                .build();
        sftp.addSftpEventListener(uploads);
        server.setSubsystemFactories(List.of(sftp));
        CoreModuleProperties.AUTH_TIMEOUT.set(server, limits.login());
        CoreModuleProperties.IDLE_TIMEOUT.set(server, limits.idle());
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(server, limits.read());
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, limits.loginAttempts());
        // no shell, exec or forwarding: the only thing an account can do is SFTP
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.start();
        LOG.info("SFTP drop box listening on {}:{} (host key {})", host, server.getPort(), hostKeyFile);
    }

    @Override
    protected void doStop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }
}
