package io.interchange.partner;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for drop-box accounts, as the registry stores them:
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. PBKDF2 comes with the JDK, so
 * a hash can be made anywhere Interchange runs:
 * {@code java -cp 'target/interchange.jar:target/lib/*' io.interchange.partner.PasswordHash}
 * (reads the password from standard input, so it stays out of the shell history).
 */
public final class PasswordHash {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final Pattern FORMAT = Pattern.compile("pbkdf2-sha256\\$(\\d{4,8})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String of(String password) {
        return of(password, ITERATIONS);
    }

    /** With fewer iterations than the default only where logins must be cheap (tests). */
    public static String of(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    public static boolean isWellFormed(String encoded) {
        return encoded != null && FORMAT.matcher(encoded).matches();
    }

    /** Constant-time comparison, so the time an answer takes says nothing about the password. */
    public static boolean matches(String encoded, String password) {
        Matcher parts = encoded == null ? null : FORMAT.matcher(encoded);
        if (parts == null || !parts.matches() || password == null) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts.group(2));
        byte[] expected = Base64.getDecoder().decode(parts.group(3));
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts.group(1))));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    public static void main(String[] args) throws Exception {
        String password = args.length > 0 ? args[0] : new String(System.in.readAllBytes()).strip();
        System.out.println(of(password));
    }
}
