package io.interchange.partner;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The account Interchange itself uses on the drop box (reading partners' inbound files, writing their
 * outbound ones): one name and password shared by the drop box that checks it and the partner
 * endpoints that log in with it. Without a configured password a random one is drawn at start-up,
 * as no one outside the process needs it.
 */
public record SftpServiceAccount(String user, String password) {

    public static SftpServiceAccount of(String user, String configuredPassword) {
        return new SftpServiceAccount(user, configuredPassword.isBlank() ? randomSecret() : configuredPassword);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Never the password: the registry and Camel's dev consoles may print beans. */
    @Override
    public String toString() {
        return "SftpServiceAccount[user=" + user + "]";
    }
}
