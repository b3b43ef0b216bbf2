package io.interchange.sftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.partner.PasswordHash;
import io.interchange.security.LoginThrottle;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in to the drop box and where each one lands. Partners come from the registry in
 * force at the moment of login, so an added, changed or removed partner counts from its next
 * login on. Interchange's own intake account sees the whole drop box.
 */
public class DropBoxAccounts extends VirtualFileSystemFactory implements PasswordAuthenticator, PublickeyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DropBoxAccounts.class);

    private final PartnerDirectory partners;
    private final DropBoxLayout layout;
    private final String serviceUser;
    private final byte[] servicePassword;
    private final LoginThrottle throttle;

    public DropBoxAccounts(PartnerDirectory partners, DropBoxLayout layout, String serviceUser, String servicePassword,
            LoginThrottle throttle) {
        this.partners = partners;
        this.layout = layout;
        this.serviceUser = serviceUser;
        this.servicePassword = servicePassword.getBytes(StandardCharsets.UTF_8);
        this.throttle = throttle;
    }

    /**
     * Password logins go through the {@link LoginThrottle}: a locked user or address is refused
     * without a PBKDF2 run, and only a few run at once. Interchange's own account is throttled by
     * address only, so nobody can lock the intake out by guessing its name from elsewhere, and not
     * at all over loopback, where the intake itself logs in: wrong logins from this host at another
     * door (the admin API counts the same addresses) must not stop every partner's intake.
     */
    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        String address = address(session);
        if (serviceUser.equals(username)) {
            BooleanSupplier matches = () -> MessageDigest.isEqual(servicePassword, password.getBytes(StandardCharsets.UTF_8));
            return isLoopback(session) ? matches.getAsBoolean() : allowed(throttle.attempt(null, address, matches), username, address);
        }
        return allowed(throttle.attempt(username, address, () -> dropBoxPartner(username)
                .map(p -> PasswordHash.matches(p.transport().passwordHash(), password)).orElse(false)), username, address);
    }

    private static boolean allowed(LoginThrottle.Decision decision, String username, String address) {
        if (!decision.allowed()) {
            LOG.warn("SFTP password login refused for '{}' from {}: {}", username, address,
                    decision.reason().isEmpty() ? decision.verdict() : decision.reason());
        }
        return decision.allowed();
    }

    private static boolean isLoopback(ServerSession session) {
        return session.getClientAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    private static String address(ServerSession session) {
        SocketAddress remote = session.getClientAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        boolean ok = dropBoxPartner(username).map(p -> p.transport().authorizedKeys().stream()
                .anyMatch(line -> matches(line, key, session))).orElse(false);
        if (!ok) {
            LOG.debug("SFTP key {} not authorized for '{}'", KeyUtils.getFingerPrint(key), username);
        }
        return ok;
    }

    /** The root of the session's file system: the partner's folder, or everything for the intake. */
    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
        String username = session.getUsername();
        if (serviceUser.equals(username)) {
            return layout.root();
        }
        if (dropBoxPartner(username).isPresent()) {
            layout.prepare(username);
            return layout.partnerHome(username);
        }
        throw new IOException("No drop-box account '" + username + "'");
    }

    private Optional<Partner> dropBoxPartner(String username) {
        return partners.find(username).filter(p -> p.transport().kind() == Partner.Transport.Kind.DROPBOX);
    }

    private static boolean matches(String authorizedKeyLine, PublicKey offered, ServerSession session) {
        try {
            PublicKey allowed = AuthorizedKeyEntry.parseAuthorizedKeyEntry(authorizedKeyLine)
                    .resolvePublicKey(session, PublicKeyEntryResolver.FAILING);
            return KeyUtils.compareKeys(allowed, offered);
        } catch (Exception e) {
            LOG.warn("Unusable authorized key in the registry: {}", e.getMessage());
            return false;
        }
    }
}
