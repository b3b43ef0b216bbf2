package io.interchange.webhook.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.signature.Secret;
import io.interchange.webhook.signature.SignatureScheme;
import io.interchange.webhook.signature.StripeSignature;

/**
 * Reads {@code webhooks.yaml} into {@link WebhookSettings}, checking everything that can be checked
 * before a delivery arrives: names, schemes, locators, that every mapping file compiles. Secrets are
 * resolved here from environment variables (or any Camel property of that name) and files; a
 * source whose secrets are all unset still loads, with a warning, and refuses every delivery.
 */
public final class WebhookSettingsReader {

    /** Source ids become URL segments, partner ids and metric labels: short, lower case, plain. */
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    private static final Set<String> DOCUMENT_TYPES = Set.of("order", "cancellation");
    private static final int MAX_SECRETS = 2;

    private final Path mappingsDir;
    private final PropertyLookup properties;
    private final JsltMappings mappings;
    private final long defaultMaxBodyBytes;
    private final RateLimit defaultRateLimit;

    public WebhookSettingsReader(Path mappingsDir, PropertyLookup properties, JsltMappings mappings,
            long defaultMaxBodyBytes, RateLimit defaultRateLimit) {
        this.mappingsDir = mappingsDir;
        this.properties = properties;
        this.mappings = mappings;
        this.defaultMaxBodyBytes = defaultMaxBodyBytes;
        this.defaultRateLimit = defaultRateLimit;
    }

    public WebhookSettings read(Path file) throws InvalidWebhookSettingsException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookSettingsException(file.toString(), List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
        } catch (IOException e) {
            throw new InvalidWebhookSettingsException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        Problems problems = new Problems();
        List<Path> watched = new ArrayList<>(List.of(file));
        List<String> warnings = new ArrayList<>();
        Map<String, WebhookSource> sources = new LinkedHashMap<>();
        JsonNode declared = root == null ? null : root.path("sources");
        if (declared == null || !declared.isObject()) {
            problems.add("sources", "must be a map of source id to source");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String at = "sources." + entry.getKey();
                if (!SOURCE_ID.matcher(entry.getKey()).matches()) {
                    problems.add(at, "a source id is 1-50 of a-z, 0-9, '-' and '_', starting with a letter or digit");
                    continue;
                }
                source(entry.getKey(), entry.getValue(), at, problems, watched, warnings)
                        .ifPresent(source -> sources.put(source.id(), source));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidWebhookSettingsException(file.toString(), problems.list());
        }
        return new WebhookSettings(Map.copyOf(sources), List.copyOf(watched), List.copyOf(warnings));
    }

    private Optional<WebhookSource> source(String id, JsonNode node, String at, Problems problems, List<Path> watched,
            List<String> warnings) {
        int before = problems.size();
        JsonNode signature = node.path("signature");
        SignatureScheme scheme = scheme(signature, at + ".signature", problems);
        List<Secret> secrets = secrets(id, signature.path("secrets"), at + ".signature.secrets", problems, watched, warnings);
        Locator deliveryId = locator(node.path("deliveryId"), at + ".deliveryId", problems);
        Locator topic = locator(node.path("topic"), at + ".topic", problems);
        long maxBodyBytes = node.path("maxBodyBytes").asLong(defaultMaxBodyBytes);
        if (maxBodyBytes <= 0) {
            problems.add(at + ".maxBodyBytes", "must be a positive number of bytes");
        }
        RateLimit rateLimit = rateLimit(node.path("rateLimit"), at + ".rateLimit", problems);
        Map<String, TopicRoute> topics = new LinkedHashMap<>();
        JsonNode declaredTopics = node.path("topics");
        if (!declaredTopics.isMissingNode() && !declaredTopics.isObject()) {
            problems.add(at + ".topics", "must be a map of topic to {document, mapping}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declaredTopics.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String topicAt = at + ".topics." + entry.getKey();
            String document = entry.getValue().path("document").asText("");
            if (!DOCUMENT_TYPES.contains(document)) {
                problems.add(topicAt + ".document", "must be one of " + DOCUMENT_TYPES);
            }
            mapping(entry.getValue().path("mapping"), topicAt + ".mapping", problems)
                    .ifPresent(mapping -> topics.put(entry.getKey(), new TopicRoute(document, mapping)));
        }
        Optional<Callback> callback = callback(node.path("callback"), at + ".callback", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSource(id, node.path("system").asText(id), scheme, secrets, deliveryId, topic,
                maxBodyBytes, rateLimit, Map.copyOf(topics), callback));
    }

    private static SignatureScheme scheme(JsonNode signature, String at, Problems problems) {
        String name = signature.path("scheme").asText("");
        try {
            SignatureScheme scheme = SignatureScheme.named(name);
            if (scheme instanceof StripeSignature && signature.has("toleranceSeconds")) {
                long seconds = signature.path("toleranceSeconds").asLong(-1);
                if (seconds <= 0) {
                    problems.add(at + ".toleranceSeconds", "must be a positive number of seconds");
                }
                return new StripeSignature(Duration.ofSeconds(Math.max(seconds, 1)));
            }
            return scheme;
        } catch (IllegalArgumentException e) {
            problems.add(at + ".scheme", e.getMessage());
            return null;
        }
    }

    private List<Secret> secrets(String id, JsonNode declared, String at, Problems problems, List<Path> watched,
            List<String> warnings) {
        List<Secret> secrets = new ArrayList<>();
        if (!declared.isArray() || declared.isEmpty() || declared.size() > MAX_SECRETS) {
            problems.add(at, "list one or two secrets (current first, then the previous one during a rotation),"
                    + " each as secretEnv: NAME or secretFile: PATH");
            return secrets;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode reference : declared) {
            names.add(reference.path("secretEnv").asText(reference.path("secretFile").asText("?")));
            if (reference.hasNonNull("secretEnv")) {
                String name = reference.path("secretEnv").asText();
                secretProperty(name).ifPresent(value -> secrets.add(new Secret(value, "secretEnv " + name)));
            } else if (reference.hasNonNull("secretFile")) {
                Path file = Path.of(properties.resolve(reference.path("secretFile").asText()));
                watched.add(file);
                readSecret(file).ifPresent(secrets::add);
            } else {
                problems.add(at, "each secret is secretEnv: NAME or secretFile: PATH");
            }
        }
        if (secrets.isEmpty()) {
            // loads anyway: the other sources must keep working while this one waits for its secret
            warnings.add("source '" + id + "' has no secret set (" + String.join(", ", names)
                    + "): every delivery to it is refused");
        }
        return List.copyOf(secrets);
    }

    /**
     * The environment variable {@code NAME}, looked up as the property {@code name} in dotted lower
     * case first: Camel reads that from the variable too, and also takes it from -D or test
     * overrides, where its start-up summary masks it because the last segment is "secret". The
     * variable's own name is tried next, for names that do not end in _SECRET.
     */
    private Optional<String> secretProperty(String name) {
        Optional<String> dotted = properties.property(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return dotted.isPresent() ? dotted : properties.property(name);
    }

    private static Optional<Secret> readSecret(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(value, "secretFile " + file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Locator locator(JsonNode node, String at, Problems problems) {
        if (node.hasNonNull("header") && !node.has("field")) {
            return Locator.header(node.path("header").asText());
        }
        if (node.hasNonNull("field") && !node.has("header") && node.path("field").asText().startsWith("/")) {
            return Locator.field(node.path("field").asText());
        }
        problems.add(at, "must be {header: NAME} or {field: /json/pointer}");
        return null;
    }

    private RateLimit rateLimit(JsonNode node, String at, Problems problems) {
        if (node.isMissingNode()) {
            return defaultRateLimit;
        }
        int requests = node.path("requests").asInt(0);
        long seconds = node.path("perSeconds").asLong(1);
        if (requests <= 0 || seconds <= 0) {
            problems.add(at, "must be {requests: N, perSeconds: S} with positive numbers");
        }
        return new RateLimit(requests, Duration.ofSeconds(seconds));
    }

    private Optional<Callback> callback(JsonNode node, String at, Problems problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Optional<Path> mapping = mapping(node.path("mapping"), at + ".mapping", problems);
        String url;
        try {
            url = properties.resolve(node.path("url").asText("")).trim();
        } catch (RuntimeException e) {
            problems.add(at + ".url", e.getMessage());
            return Optional.empty();
        }
        if (url.isEmpty()) {
            // the URL usually comes from a property per environment; empty there means no callbacks
            return Optional.empty();
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            problems.add(at + ".url", "must be an http(s) URL");
        }
        return mapping.map(file -> new Callback(url, file));
    }

    private Optional<Path> mapping(JsonNode node, String at, Problems problems) {
        String name = node.asText("");
        if (name.isEmpty() || name.startsWith("/") || name.contains("..")) {
            problems.add(at, "must name a .jslt file under the mappings directory, e.g. webhooks/shop/orders-create.jslt");
            return Optional.empty();
        }
        Path file = mappingsDir.resolve(name);
        try {
            mappings.check(file);
            return Optional.of(file);
        } catch (IOException e) {
            problems.add(at, "cannot read " + file);
        } catch (RuntimeException e) {
            problems.add(at, file + " does not compile: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Problems found so far, each with the YAML path where it is. */
    private static final class Problems {
        private final List<String> list = new ArrayList<>();

        void add(String at, String problem) {
            list.add(at + ": " + problem);
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<String> list() {
            return list;
        }
    }
}
