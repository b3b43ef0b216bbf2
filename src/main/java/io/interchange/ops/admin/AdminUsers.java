package io.interchange.ops.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's, JMX's and Jolokia's users: names and roles from {@code interchange.admin.users}
 * ({@code alice:ops,bob:viewer}), each password from {@code interchange.admin.user.<name>.password}
 * (in practice the environment variable {@code INTERCHANGE_ADMIN_USER_<NAME>_PASSWORD}) or from the
 * file named by {@code interchange.admin.user.<name>.password-file} (a mounted secret).
 *
 * <p>With no users configured there is one, {@code ops}, whose random password is written on first
 * start to a file only the process owner can read: secure by default, usable out of the box.
 *
 * <p>Only SHA-256 digests of the passwords are kept; a check compares digests in constant time and
 * costs the same for an unknown user, so timing tells nothing about names or passwords.
 */
public final class AdminUsers {

    public static final String DEFAULT_USER = "ops";

    private static final Logger LOG = LoggerFactory.getLogger(AdminUsers.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, Account> accounts;
    private final byte[] decoy = digest(randomSecret());

    private AdminUsers(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    private record Account(AdminUser user, byte[] digest) {
    }

    /**
     * @param property              resolves a property (environment variables win, as everywhere)
     * @param generatedPasswordFile where the default user's password lives when no user is configured
     */
    public static AdminUsers fromProperties(Function<String, Optional<String>> property, Path generatedPasswordFile) {
        String declared = property.apply("interchange.admin.users").orElse("").trim();
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (declared.isEmpty()) {
            String password = generatedPassword(generatedPasswordFile);
            accounts.put(DEFAULT_USER, new Account(new AdminUser(DEFAULT_USER, AdminRole.OPS), digest(password)));
            LOG.warn("No admin users configured (interchange.admin.users); user '{}' (role ops) has the password "
                    + "stored in {}", DEFAULT_USER, generatedPasswordFile.toAbsolutePath());
            return new AdminUsers(accounts);
        }
        for (String entry : declared.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            String name = parts[0].trim();
            if (!NAME.matcher(name).matches() || parts.length != 2) {
                throw new IllegalArgumentException("interchange.admin.users: '" + entry.trim()
                        + "' is not name:role (name: lower case letters, digits and dashes)");
            }
            AdminRole role = AdminRole.parse(parts[1]);
            accounts.put(name, new Account(new AdminUser(name, role), digest(password(property, name))));
        }
        LOG.info("Admin users: {}", accounts.values().stream()
                .map(a -> a.user().name() + " (" + a.user().role().apiName() + ")").toList());
        return new AdminUsers(accounts);
    }

    /** The user if {@code password} is theirs; empty otherwise. */
    public Optional<AdminUser> authenticate(String name, String password) {
        Account account = name == null ? null : accounts.get(name);
        byte[] expected = account == null ? decoy : account.digest();
        boolean matches = MessageDigest.isEqual(expected, digest(password == null ? "" : password));
        return account != null && matches ? Optional.of(account.user()) : Optional.empty();
    }

    public Set<String> names() {
        return accounts.keySet();
    }

    public List<AdminUser> users() {
        return accounts.values().stream().map(Account::user).toList();
    }

    private static String password(Function<String, Optional<String>> property, String name) {
        String prefix = "interchange.admin.user." + name;
        Optional<String> direct = property.apply(prefix + ".password").filter(p -> !p.isBlank());
        if (direct.isPresent()) {
            return direct.get();
        }
        Optional<String> file = property.apply(prefix + ".password-file").filter(p -> !p.isBlank());
        if (file.isPresent()) {
            try {
                return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password file of admin user " + name, e);
            }
        }
        String variable = (prefix + ".password").toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        throw new IllegalStateException("Admin user " + name + " has no password: set " + variable + " or "
                + prefix + ".password-file");
    }

    private static String generatedPassword(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String password = randomSecret();
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warn("Cannot restrict permissions of {} on this file system; protect it yourself", file);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file, e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
