package io.interchange.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.interchange.mapping.JsltTemplates;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.settings.PropertyLookup;
import io.interchange.webhook.settings.RateLimit;
import io.interchange.webhook.settings.WebhookSettingsReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source registry as the webhook configuration file changes under it. */
class WebhookSourcesTest {

    private static final String SOURCE = """
            sources:
              shop:
                signature:
                  scheme: shopify
                  secrets:
                    - secretEnv: TEST_SHOP_SECRET
                deliveryId: { header: X-Id }
                topic: { header: X-Topic }
                rateLimit: { requests: %d, perSeconds: 60 }
                topics:
                  orders/create: { document: order, mapping: shop/create.jslt }
            """;

    @TempDir
    Path dir;

    private final AtomicLong mtime = new AtomicLong(1_800_000_000L);
    private Path file;
    private WebhookSources sources;

    @BeforeEach
    void registry() throws IOException {
        Files.createDirectories(dir.resolve("shop"));
        write(dir.resolve("shop/create.jslt"), "{\"header\": {}}");
        file = dir.resolve("webhooks.yaml");
        Map<String, String> properties = Map.of("test.shop.secret", "s3cret");
        PropertyLookup lookup = new PropertyLookup() {
            @Override
            public Optional<String> property(String key) {
                return Optional.ofNullable(properties.get(key));
            }

            @Override
            public String resolve(String text) {
                return text;
            }
        };
        sources = new WebhookSources(file, new WebhookSettingsReader(dir, lookup, new JsltMappings(new JsltTemplates()), 1000,
                new RateLimit(10, Duration.ofSeconds(1))));
    }

    @Test
    void fileBrokenAtStartUpAnswers503UntilItIsFixed() throws IOException {
        write(file, "sources:\n  shop: { signature: { scheme: nope } }\n");
        sources.load();

        assertThatThrownBy(() -> sources.find("shop")).isInstanceOfSatisfying(WebhookRefusedException.class,
                refused -> assertThat(refused.problem().status()).isEqualTo(503));

        edit(SOURCE.formatted(5));
        assertThat(sources.find("shop")).get().satisfies(live -> {
            assertThat(live.settings().secrets()).hasSize(1);
            assertThat(live.settings().route("orders/create")).isPresent();
        });
        assertThat(sources.find("other")).isEmpty();
    }

    @Test
    void mappingThatDoesNotCompileMakesTheWholeFileInvalid() throws IOException {
        edit(SOURCE.formatted(5));
        write(dir.resolve("shop/broken.jslt"), "{ nope");

        assertThat(edit(SOURCE.formatted(5).replace("shop/create.jslt", "shop/broken.jslt")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("broken.jslt"));

        assertThat(sources.find("shop").orElseThrow().settings().route("orders/create").orElseThrow().mapping())
                .isEqualTo(dir.resolve("shop/create.jslt"));
    }

    @Test
    void rateLimiterStateSurvivesAReloadUnlessTheLimitChanged() throws IOException {
        edit(SOURCE.formatted(1));
        assertThat(sources.find("shop").orElseThrow().rateLimiter().acquirePermission()).isTrue();

        edit(SOURCE.formatted(1) + "# edited\n");
        assertThat(sources.find("shop").orElseThrow().rateLimiter().acquirePermission()).isFalse();

        edit(SOURCE.formatted(3));
        assertThat(sources.find("shop").orElseThrow().rateLimiter().acquirePermission()).isTrue();
    }

    @Test
    void sourceWithoutAnySecretLoadsAndHasNothingToVerifyWith() throws IOException {
        edit(SOURCE.formatted(5).replace("TEST_SHOP_SECRET", "UNSET_SHOP_SECRET"));

        assertThat(sources.find("shop").orElseThrow().settings().secrets()).isEmpty();
    }

    /** Writes the file and tells the sources, as the file watcher does once the edit settled. */
    private Optional<String> edit(String content) throws IOException {
        write(file, content);
        assertThat(sources.owns(file.toAbsolutePath().normalize())).isTrue();
        return sources.reload(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(Path target, String content) throws IOException {
        Files.writeString(target, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(target, FileTime.from(Instant.ofEpochSecond(mtime.incrementAndGet())));
    }
}
