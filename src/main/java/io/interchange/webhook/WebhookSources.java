package io.interchange.webhook;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.interchange.ops.reload.ReloadTarget;
import io.interchange.webhook.settings.InvalidWebhookSettingsException;
import io.interchange.webhook.settings.RateLimit;
import io.interchange.webhook.settings.WebhookSettings;
import io.interchange.webhook.settings.WebhookSettingsReader;
import io.interchange.webhook.settings.WebhookSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook sources in force, from {@code webhooks.yaml}, read at start and again when the file
 * watcher reports a new version of it or of a secret file it names: a valid file applies to the
 * next delivery; an invalid one is logged once, with every problem, refused like any other file,
 * and the previous sources keep serving. Each source has its rate limiter, kept across reloads unless its limit changed.
 * Listeners hear the declared source ids after each load that applied ({@link #onChange}).
 */
public class WebhookSources implements ReloadTarget {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSources.class);

    private final Path file;
    private final WebhookSettingsReader reader;
    private volatile Loaded loaded;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public WebhookSources(Path file, WebhookSettingsReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** A source and its rate limiter. */
    public record Live(WebhookSource settings, RateLimiter rateLimiter) {
    }

    /**
     * The source named {@code id}, empty when no such source is declared.
     *
     * @throws WebhookRefusedException 503 when no valid configuration was ever loaded
     */
    public Optional<Live> find(String id) {
        Loaded current = current();
        if (current == null) {
            throw WebhookRefusedException.unavailable("The webhook configuration is not loaded; try again later.");
        }
        return Optional.ofNullable(current.sources().get(id));
    }

    /** The ids of the declared sources; empty while no valid configuration was ever loaded. */
    public Set<String> ids() {
        Loaded current = current();
        return current == null ? Set.of() : current.sources().keySet();
    }

    /**
     * {@code listener} gets the declared source ids after every load that applied, from the thread
     * that noticed the change; at once when a configuration is already loaded.
     */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
        Loaded current = loaded;
        if (current != null) {
            listener.accept(current.sources().keySet());
        }
    }

    /** Loads the file now (at start-up); a broken file is logged and webhooks answer 503 until it is fixed. */
    public void load() {
        read();
    }

    private Loaded current() {
        return loaded;
    }

    /** The configuration file, and the secret files of the configuration in force. */
    @Override
    public boolean owns(Path candidate) {
        return filesElsewhere().contains(candidate);
    }

    @Override
    public Collection<Path> filesElsewhere() {
        Loaded current = loaded;
        Set<Path> files = new LinkedHashSet<>();
        files.add(file.toAbsolutePath().normalize());
        if (current != null) {
            current.settings().watchedFiles().forEach(watched -> files.add(watched.toAbsolutePath().normalize()));
        }
        return files;
    }

    @Override
    public boolean rereadsAllItsFiles() {
        return true;
    }

    /** The file or one of its secret files changed: the whole configuration is read again. */
    @Override
    public Optional<String> reload(Path changed, byte[] content) {
        return read();
    }

    private synchronized Optional<String> read() {
        Loaded current = loaded;
        try {
            WebhookSettings settings = reader.read(file);
            Loaded fresh = new Loaded(settings, limiters(settings, current));
            loaded = fresh;
            LOG.info("Webhook sources {} from {}: {}", current == null ? "loaded" : "reloaded", file,
                    settings.sources().keySet());
            settings.warnings().forEach(warning -> LOG.warn("Webhook configuration: {}", warning));
            listeners.forEach(listener -> listener.accept(fresh.sources().keySet()));
            return Optional.empty();
        } catch (InvalidWebhookSettingsException e) {
            LOG.error("Refused webhook configuration {}; {}. Problems: {}", file,
                    current == null ? "webhooks answer 503 until it is fixed" : "the previous configuration stays in force",
                    String.join(" | ", e.problems()));
            return Optional.of(String.join(" | ", e.problems()));
        }
    }

    private static Map<String, Live> limiters(WebhookSettings settings, Loaded previous) {
        Map<String, Live> live = new HashMap<>();
        for (WebhookSource source : settings.sources().values()) {
            RateLimiter limiter = null;
            if (previous != null && previous.sources().containsKey(source.id())) {
                Live old = previous.sources().get(source.id());
                if (old.settings().rateLimit().equals(source.rateLimit())) {
                    limiter = old.rateLimiter();
                }
            }
            live.put(source.id(), new Live(source, limiter != null ? limiter : rateLimiter(source.id(), source.rateLimit())));
        }
        return Map.copyOf(live);
    }

    private static RateLimiter rateLimiter(String id, RateLimit limit) {
        return RateLimiter.of("webhook-" + id, RateLimiterConfig.custom()
                .limitForPeriod(limit.requests())
                .limitRefreshPeriod(limit.period())
                // never queue a delivery: over the limit it is answered 429 at once
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    private record Loaded(WebhookSettings settings, Map<String, Live> sources) {
    }
}
