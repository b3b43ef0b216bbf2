package io.interchange.webhook.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.interchange.mapping.JsltTemplates;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.signature.Secret;
import io.interchange.webhook.signature.StripeSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way {@code webhooks.yaml} is read: what a valid file gives, and each problem with its place. */
class WebhookSettingsReaderTest {

    @TempDir
    Path dir;

    private WebhookSettingsReader reader;
    private Path file;

    @BeforeEach
    void mappings() throws IOException {
        Files.createDirectories(dir.resolve("shop"));
        Files.writeString(dir.resolve("shop/create.jslt"), "{\"header\": {}}");
        Files.writeString(dir.resolve("shop/broken.jslt"), "{ nope");
        Files.writeString(dir.resolve("current.secret"), " s3cret-file \n");
        Files.writeString(dir.resolve("empty.secret"), "\n");
        file = dir.resolve("webhooks.yaml");
        Map<String, String> properties = Map.of("shop.env.secret", "from-dotted", "OTHER_KEY", "from-variable",
                "callback.url", "https://shop.example/status");
        reader = new WebhookSettingsReader(dir, new PropertyLookup() {
            @Override
            public Optional<String> property(String key) {
                return Optional.ofNullable(properties.get(key));
            }

            @Override
            public String resolve(String text) {
                if (text.contains("{{missing}}")) {
                    throw new IllegalArgumentException("Property with key [missing] not found");
                }
                return text.replace("{{callback.url}}", properties.get("callback.url")).replace("{{dir}}", dir.toString());
            }
        }, new JsltMappings(new JsltTemplates()), 1000, new RateLimit(10, Duration.ofSeconds(1)));
    }

    @Test
    void validFileGivesEverySourceWithDefaultsAndTheFilesToWatch() throws Exception {
        WebhookSettings settings = read("""
                sources:
                  shop:
                    system: Shop Platform
                    signature: { scheme: shopify, secrets: [ { secretEnv: SHOP_ENV_SECRET }, { secretFile: "{{dir}}/current.secret" } ] }
                    deliveryId: { header: X-Id }
                    topic: { field: /type }
                    maxBodyBytes: 4096
                    rateLimit: { requests: 5, perSeconds: 60 }
                    topics:
                      orders/create: { document: order, mapping: shop/create.jslt }
                    callback: { url: "{{callback.url}}", mapping: shop/create.jslt }
                  pay:
                    signature: { scheme: stripe, toleranceSeconds: 60, secrets: [ { secretEnv: OTHER_KEY } ] }
                    deliveryId: { field: /id }
                    topic: { header: X-Topic }
                    callback: { url: "", mapping: shop/create.jslt }
                """);

        WebhookSource shop = settings.source("shop").orElseThrow();
        assertThat(shop.system()).isEqualTo("Shop Platform");
        assertThat(shop.secrets()).extracting(Secret::origin)
                .containsExactly("secretEnv SHOP_ENV_SECRET", "secretFile " + dir.resolve("current.secret"));
        assertThat(shop.maxBodyBytes()).isEqualTo(4096);
        assertThat(shop.rateLimit()).isEqualTo(new RateLimit(5, Duration.ofSeconds(60)));
        assertThat(shop.route("orders/create").orElseThrow().mapping()).isEqualTo(dir.resolve("shop/create.jslt"));
        assertThat(shop.callback()).hasValueSatisfying(callback -> assertThat(callback.url()).isEqualTo("https://shop.example/status"));
        WebhookSource pay = settings.source("pay").orElseThrow();
        assertThat(pay.system()).as("the id when no system is named").isEqualTo("pay");
        assertThat(pay.scheme()).isInstanceOf(StripeSignature.class);
        assertThat(pay.secrets()).extracting(Secret::origin).as("by the variable's own name").containsExactly("secretEnv OTHER_KEY");
        assertThat(pay.maxBodyBytes()).isEqualTo(1000);
        assertThat(pay.rateLimit()).isEqualTo(new RateLimit(10, Duration.ofSeconds(1)));
        assertThat(pay.callback()).as("an empty URL means no callbacks").isEmpty();
        assertThat(settings.watchedFiles()).containsExactly(file, dir.resolve("current.secret"));
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void sourceWithoutAnySecretSetLoadsWithAWarning() throws Exception {
        WebhookSettings settings = read("""
                sources:
                  crm:
                    signature: { scheme: github, secrets: [ { secretEnv: UNSET_SECRET }, { secretFile: "{{dir}}/empty.secret" } ] }
                    deliveryId: { header: X-Id }
                    topic: { header: X-Topic }
                """);

        assertThat(settings.source("crm").orElseThrow().secrets()).isEmpty();
        assertThat(settings.warnings()).containsExactly("source 'crm' has no secret set (UNSET_SECRET, "
                + "{{dir}}/empty.secret): every delivery to it is refused");
    }

    @Test
    void everyProblemIsNamedWithItsPlaceAndTheWholeFileIsRefused() throws Exception {
        write("""
                sources:
                  Bad Id: {}
                  shop:
                    signature: { scheme: shopfy, secrets: [] }
                    deliveryId: { header: X-Id, field: /id }
                    topic: { field: no-slash }
                    maxBodyBytes: -1
                    rateLimit: { requests: 0 }
                    topics:
                      a: { document: invoice, mapping: shop/create.jslt }
                      b: { document: order, mapping: ../outside.jslt }
                      c: { document: order, mapping: shop/broken.jslt }
                      d: { document: order, mapping: shop/missing.jslt }
                    callback: { url: "ftp://shop.example", mapping: shop/create.jslt }
                  pay:
                    signature: { scheme: stripe, toleranceSeconds: 0, secrets: [ { secretEnv: A }, { secretEnv: B }, { secretEnv: C } ] }
                    deliveryId: {}
                    topic: { header: X-Topic }
                    topics: [ not, a, map ]
                    callback: { url: "{{missing}}", mapping: shop/create.jslt }
                  crm:
                    signature: { scheme: github, secrets: [ { nothing: here } ] }
                    deliveryId: { header: X-Id }
                    topic: { header: X-Topic }
                """);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InvalidWebhookSettingsException.class, e -> {
            assertThat(e.problems()).contains(
                    "sources.Bad Id: a source id is 1-50 of a-z, 0-9, '-' and '_', starting with a letter or digit",
                    "sources.shop.deliveryId: must be {header: NAME} or {field: /json/pointer}",
                    "sources.shop.topic: must be {header: NAME} or {field: /json/pointer}",
                    "sources.shop.maxBodyBytes: must be a positive number of bytes",
                    "sources.shop.rateLimit: must be {requests: N, perSeconds: S} with positive numbers",
                    "sources.shop.topics.b.mapping: must name a .jslt file under the mappings directory, e.g. webhooks/shop/orders-create.jslt",
                    "sources.shop.topics.d.mapping: cannot read " + dir.resolve("shop/missing.jslt"),
                    "sources.shop.callback.url: must be an http(s) URL",
                    "sources.pay.signature.toleranceSeconds: must be a positive number of seconds",
                    "sources.pay.deliveryId: must be {header: NAME} or {field: /json/pointer}",
                    "sources.pay.topics: must be a map of topic to {document, mapping}",
                    "sources.pay.callback.url: Property with key [missing] not found",
                    "sources.crm.signature.secrets: each secret is secretEnv: NAME or secretFile: PATH");
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sources.shop.topics.a.document: must be one of "));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sources.shop.signature.scheme: ").contains("shopfy"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sources.shop.signature.secrets: list one or two secrets"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("sources.pay.signature.secrets: list one or two secrets"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("sources.shop.topics.c.mapping: " + dir.resolve("shop/broken.jslt") + " does not compile: "));
        });
    }

    @Test
    void aFileThatIsNoSourceMapIsRefused() throws Exception {
        assertThat(problems("sources: [a, b]\n")).containsExactly("sources: must be a map of source id to source");
        assertThat(problems("")).containsExactly("sources: must be a map of source id to source");
        assertThat(problems("sources:\n  shop: [this is: not, a source\n")).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("not valid YAML: ").contains("at line"));
        Files.delete(file);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOfSatisfying(InvalidWebhookSettingsException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("cannot be read: ")));
    }

    private WebhookSettings read(String yaml) throws Exception {
        write(yaml);
        return reader.read(file);
    }

    private java.util.List<String> problems(String yaml) throws IOException {
        write(yaml);
        try {
            reader.read(file);
            throw new AssertionError("accepted: " + yaml);
        } catch (InvalidWebhookSettingsException e) {
            return e.problems();
        }
    }

    private void write(String yaml) throws IOException {
        Files.writeString(file, yaml);
    }
}
