package io.interchange.partner;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.TransactionSchemas;
import io.interchange.edi.ValidationPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code mappings/partners.yaml} into a {@link PartnerRegistry}, checking everything a
 * running intake relies on: ids, EDI identifiers (unique across partners), standard and version,
 * transport, acknowledgement policy and that the mapping files exist. Any problem refuses the
 * whole file, listing each problem with its place (e.g. {@code partners[1] (globex-eu).edifact.id}).
 */
public final class PartnerRegistryParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Partner ids become SFTP user names, folder names, route ids and business-key parts. */
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern X12_QUALIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern X12_ID = Pattern.compile("[A-Za-z0-9 &.,/()_-]{1,15}");
    private static final Pattern EDIFACT_ID = Pattern.compile("[A-Za-z0-9 &.,/()_-]{1,35}");
    /** Versions with inbound 850/ORDERS schemas; see {@link TransactionSchemas}. */
    private static final Map<Partner.Standard, Set<String>> VERSIONS = Map.of(
            Partner.Standard.X12, new TreeSet<>(TransactionSchemas.X12_VERSIONS),
            Partner.Standard.EDIFACT, new TreeSet<>(TransactionSchemas.EDIFACT_DIRECTORIES));
    private static final Map<Partner.Standard, Set<String>> ACK_TYPES = Map.of(
            Partner.Standard.X12, new TreeSet<>(Set.of("997", "999")),
            Partner.Standard.EDIFACT, new TreeSet<>(Set.of("CONTRL")));

    /** The built-in order mapping of a partner whose entry names none (mappings/default/, issue 9). */
    private static final Map<Partner.Standard, String> DEFAULT_ORDER_MAPPINGS = Map.of(
            Partner.Standard.X12, "default/x12-850.jslt",
            Partner.Standard.EDIFACT, "default/edifact-orders.jslt");

    private final Path mappingsDir;
    private final Set<String> reservedUsers;
    private final long defaultMaxFileBytes;

    /**
     * @param reservedUsers       account names partners may not take (the intake's own service account)
     * @param defaultMaxFileBytes size limit for partners that name none
     */
    public PartnerRegistryParser(Path mappingsDir, Set<String> reservedUsers, long defaultMaxFileBytes) {
        this.mappingsDir = mappingsDir;
        this.reservedUsers = reservedUsers;
        this.defaultMaxFileBytes = defaultMaxFileBytes;
    }

    public PartnerRegistry parse(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidRegistryException(file.toString(), List.of("cannot be read as YAML: " + firstLine(e.getMessage())));
        }
        Problems problems = new Problems();
        if (root == null || !root.isObject()) {
            throw new InvalidRegistryException(file.toString(), List.of("must be a YAML mapping with 'interchange' and 'partners'"));
        }
        OwnIdentity own = own(root.path("interchange"), problems);
        List<Partner> partners = new ArrayList<>();
        JsonNode list = root.path("partners");
        if (!list.isArray()) {
            problems.add("partners", "must be a list (it may be empty: partners: [])");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String where = "partners[" + i + "]" + (node.hasNonNull("id") ? " (" + node.path("id").asText() + ")" : "");
                Partner partner = partner(node, where, problems);
                if (partner != null) {
                    partners.add(partner);
                }
            }
            unique(partners, problems);
        }
        if (!problems.list.isEmpty()) {
            throw new InvalidRegistryException(file.toString(), problems.list);
        }
        return new PartnerRegistry(own, partners);
    }

    private static OwnIdentity own(JsonNode node, Problems problems) {
        String qualifier = required(node, "x12.qualifier", "interchange", problems);
        String id = required(node, "x12.id", "interchange", problems);
        String groupId = text(node.at("/x12/group-id"), id);
        String edifactId = required(node, "edifact.id", "interchange", problems);
        String edifactQualifier = text(node.at("/edifact/qualifier"), null);
        return new OwnIdentity(qualifier, id, groupId, edifactId, edifactQualifier);
    }

    private Partner partner(JsonNode node, String where, Problems problems) {
        int before = problems.list.size();
        String id = required(node, "id", where, problems);
        if (id != null && !PARTNER_ID.matcher(id).matches()) {
            problems.add(where + ".id", "'" + id + "' must be lower case letters, digits and dashes (it names an SFTP account and folders)");
        }
        if (id != null && reservedUsers.contains(id)) {
            problems.add(where + ".id", "'" + id + "' is reserved for Interchange's own SFTP account");
        }
        Partner.Standard standard = enumValue(Partner.Standard.class, required(node, "standard", where, problems), where + ".standard", problems);
        String version = required(node, "version", where, problems);
        if (standard != null && version != null && !VERSIONS.get(standard).contains(version)) {
            problems.add(where + ".version", "'" + version + "' is not a supported " + standard + " version " + VERSIONS.get(standard));
        }
        Partner.X12Ids x12 = null;
        Partner.EdifactIds edifact = null;
        if (standard == Partner.Standard.X12) {
            String qualifier = required(node, "x12.qualifier", where, problems);
            String x12Id = required(node, "x12.id", where, problems);
            check(X12_QUALIFIER, qualifier, where + ".x12.qualifier", "two letters or digits (ISA05)", problems);
            check(X12_ID, x12Id, where + ".x12.id", "at most 15 characters (ISA06)", problems);
            x12 = new Partner.X12Ids(qualifier, x12Id, text(node.at("/x12/group-id"), x12Id));
        } else if (standard == Partner.Standard.EDIFACT) {
            String edifactId = required(node, "edifact.id", where, problems);
            check(EDIFACT_ID, edifactId, where + ".edifact.id", "at most 35 characters (UNB S002/0004)", problems);
            edifact = new Partner.EdifactIds(edifactId, text(node.at("/edifact/qualifier"), null));
        }
        Partner.Transport transport = transport(node.path("transport"), where + ".transport", problems);
        String orderMapping = text(node.at("/mappings/order"), standard == null ? null : DEFAULT_ORDER_MAPPINGS.get(standard));
        String responseMapping = text(node.at("/mappings/order-response"), null);
        mappingExists(orderMapping, where + ".mappings.order", problems);
        mappingExists(responseMapping, where + ".mappings.order-response", problems);
        boolean isX12 = standard == Partner.Standard.X12;
        if (responseMapping != null && standard != null && version != null && VERSIONS.get(standard).contains(version)
                && !TransactionSchemas.supported(EdiStandard.valueOf(standard.name()), isX12 ? "855" : "ORDRSP",
                        isX12 ? version : "D:" + version.substring(1) + ":UN")) {
            // said at load time, not when the first 855 cannot be written hours later
            problems.add(where + ".mappings.order-response", "Interchange writes "
                    + (isX12 ? "855 for X12 004010 and 005010" : "ORDRSP for EDIFACT D96A")
                    + " only, not for version " + version + "; leave order-response out for this partner");
        }
        Partner.AckPolicy ack = ackPolicy(node.path("acknowledgements"), standard, where + ".acknowledgements", problems);
        long maxFileBytes = node.path("max-file-bytes").asLong(defaultMaxFileBytes);
        if (maxFileBytes <= 0) {
            problems.add(where + ".max-file-bytes", "must be a positive number of bytes");
        }
        ValidationPolicy validation = enumValue(ValidationPolicy.class, text(node.path("validation"), "lenient"),
                where + ".validation", problems);
        Duration acknowledgementDue = duration(node.path("acknowledgement-due"), where + ".acknowledgement-due", problems);
        if (problems.list.size() > before) {
            return null;
        }
        return new Partner(id, text(node.path("name"), id), standard, version, x12, edifact, transport,
                new Partner.Mappings(orderMapping, responseMapping), ack, maxFileBytes, validation,
                acknowledgementDue);
    }

    private static Partner.Transport transport(JsonNode node, String where, Problems problems) {
        Partner.Transport.Kind kind = enumValue(Partner.Transport.Kind.class, text(node.path("type"), "dropbox"),
                where + ".type", problems);
        if (kind == Partner.Transport.Kind.DROPBOX) {
            String hash = text(node.path("password-hash"), null);
            List<String> keys = new ArrayList<>();
            node.path("authorized-keys").forEach(key -> keys.add(key.asText().strip()));
            if (hash == null && keys.isEmpty()) {
                problems.add(where, "a drop-box account needs password-hash or authorized-keys");
            }
            if (hash != null && !PasswordHash.isWellFormed(hash)) {
                problems.add(where + ".password-hash", "must look like pbkdf2-sha256$<iterations>$<salt>$<hash> (make one with io.interchange.partner.PasswordHash)");
            }
            for (int k = 0; k < keys.size(); k++) {
                if (!keys.get(k).matches("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp\\d+) [A-Za-z0-9+/=]+( .*)?")) {
                    problems.add(where + ".authorized-keys[" + k + "]", "is not an OpenSSH public key line");
                }
            }
            return new Partner.Transport(kind, hash, List.copyOf(keys), null, 0, null, null, null, null,
                    null, null, null, null);
        }
        if (kind == Partner.Transport.Kind.REMOTE) {
            String host = required(node, "host", where, problems);
            String username = required(node, "username", where, problems);
            String passwordProperty = text(node.path("password-property"), null);
            String privateKeyFile = text(node.path("private-key-file"), null);
            if (passwordProperty == null && privateKeyFile == null) {
                problems.add(where, "a remote server needs private-key-file or password-property (the name of a property or environment variable holding the password; never the password itself)");
            }
            String knownHosts = required(node, "known-hosts-file", where, problems);
            return new Partner.Transport(kind, null, List.of(), host, node.path("port").asInt(22), username,
                    passwordProperty, privateKeyFile, knownHosts,
                    required(node, "inbound", where, problems), required(node, "outbound", where, problems),
                    required(node, "archive", where, problems), required(node, "error", where, problems));
        }
        return null;
    }

    private static Partner.AckPolicy ackPolicy(JsonNode node, Partner.Standard standard, String where, Problems problems) {
        String type = text(node.path("type"), standard == Partner.Standard.EDIFACT ? "CONTRL" : "997").toUpperCase(Locale.ROOT);
        if (standard != null && !ACK_TYPES.get(standard).contains(type)) {
            problems.add(where + ".type", "'" + type + "' is not an acknowledgement for " + standard + " " + ACK_TYPES.get(standard));
        }
        String reject = text(node.path("reject"), "transaction");
        if (!reject.equals("transaction") && !reject.equals("interchange")) {
            problems.add(where + ".reject", "must be 'transaction' (only failing transactions) or 'interchange' (the whole interchange)");
        }
        Partner.DuplicatePolicy duplicate = enumValue(Partner.DuplicatePolicy.class, text(node.path("duplicate"), "ta1"),
                where + ".duplicate", problems);
        String delimiters = text(node.path("delimiters"), null);
        if (delimiters != null && (delimiters.length() != 4 || delimiters.chars().distinct().count() != 4
                || delimiters.chars().anyMatch(Character::isLetterOrDigit))) {
            problems.add(where + ".delimiters", "'" + delimiters + "' must be four different characters, no letters or digits: "
                    + "X12 element, component, repetition, segment (*>^~); EDIFACT element, component, release, segment (+:?')");
        }
        return new Partner.AckPolicy(type, reject.equals("interchange"), duplicate, delimiters);
    }

    /** An ISO-8601 duration such as {@code PT24H} or {@code P2D}; absent is null (the default applies). */
    private static Duration duration(JsonNode node, String where, Problems problems) {
        String text = text(node, null);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(where, "'" + text + "' must be an ISO-8601 duration of zero or more, e.g. PT24H or P2D");
        return null;
    }

    private void mappingExists(String relative, String where, Problems problems) {
        if (relative == null) {
            return;
        }
        Path file = mappingsDir.resolve(relative).normalize();
        if (!file.startsWith(mappingsDir.normalize())) {
            problems.add(where, "'" + relative + "' points outside the mappings directory");
        } else if (!Files.isRegularFile(file)) {
            problems.add(where, "mapping file " + file + " does not exist");
        }
    }

    private static void unique(List<Partner> partners, Problems problems) {
        Set<String> ids = new HashSet<>();
        Set<String> senders = new HashSet<>();
        for (Partner partner : partners) {
            if (!ids.add(partner.id())) {
                problems.add("partners", "id '" + partner.id() + "' is used twice");
            }
            if (!senders.add(partner.senderKey())) {
                problems.add("partners", "EDI id " + partner.senderKey() + " is used by more than one partner; inbound files could not be told apart");
            }
        }
    }

    private static String required(JsonNode node, String dotted, String where, Problems problems) {
        JsonNode value = node.at("/" + dotted.replace('.', '/'));
        String text = text(value, null);
        if (text == null) {
            problems.add(where + "." + dotted, "is required");
        }
        return text;
    }

    private static void check(Pattern pattern, String value, String where, String expected, Problems problems) {
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(where, "'" + value + "' must be " + expected);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, Problems problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problems.add(where, "'" + value + "' is not one of " + allowed);
            return null;
        }
    }

    private static String text(JsonNode node, String fallback) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? fallback : node.asText().strip();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static final class Problems {
        private final List<String> list = new ArrayList<>();

        void add(String where, String what) {
            list.add(where + ": " + what);
        }
    }
}
