package io.interchange.webhook;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.interchange.admission.DocumentAdmission;
import io.interchange.api.ProblemResponder;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.mapping.JsltTemplates;
import io.interchange.observe.DocumentMetrics;
import io.interchange.ops.intake.IntakePressure;
import io.interchange.ops.intake.IntakeSuspensions;
import io.interchange.tracking.DocumentTracker;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.settings.PropertyLookup;
import io.interchange.webhook.settings.RateLimit;
import io.interchange.webhook.settings.WebhookSettingsReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The webhook intake ({@code routes/intake/webhook-intake.camel.yaml}) and the sources it serves,
 * declared in {@code interchange.webhooks.config} and reloaded when it changes. What the intake admits
 * is processed with the other documents ({@code ProcessingConfiguration}); the status callbacks to the
 * sources go out with the other outbound flows ({@code OutboundConfiguration}).
 */
public class WebhookConfiguration implements CamelConfiguration {

    @BindToRegistry("webhookMetrics")
    public WebhookMetrics webhookMetrics(MeterRegistry meters) {
        return new WebhookMetrics(meters);
    }

    /** The compiled JSLT mappings of the sources, for the intake and for the callbacks. */
    @BindToRegistry("webhookJsltMappings")
    public JsltMappings webhookJsltMappings(JsltTemplates jsltTemplates) {
        return new JsltMappings(jsltTemplates);
    }

    @BindToRegistry("webhookSources")
    public WebhookSources webhookSources(CamelContext context, JsltMappings mappings,
                                         @PropertyInject("interchange.mappings.dir") String mappingsDir,
                                         @PropertyInject("interchange.webhooks.config") String configFile,
                                         @PropertyInject("interchange.webhooks.max-body-bytes") long maxBodyBytes,
                                         @PropertyInject("interchange.webhooks.rate-limit.requests") int rateLimitRequests,
                                         @PropertyInject("interchange.webhooks.rate-limit.period-seconds") long rateLimitSeconds) {
        WebhookSources sources = new WebhookSources(Path.of(configFile), new WebhookSettingsReader(Path.of(mappingsDir),
                properties(context), mappings, maxBodyBytes,
                new RateLimit(rateLimitRequests, Duration.ofSeconds(rateLimitSeconds))));
        sources.load();
        return sources;
    }

    /** Each source is an intake ops can suspend (admin API, JMX); it follows the sources as they are (re)loaded. */
    @BindToRegistry("webhookIntakeChannels")
    public WebhookIntakeChannels webhookIntakeChannels(WebhookSources sources, DataSource dataSource,
            @PropertyInject(value = "interchange.webhooks.suspended-retry-after-seconds", defaultValue = "300")
            long suspendedRetryAfterSeconds) {
        return new WebhookIntakeChannels(sources, new IntakeSuspensions(dataSource), suspendedRetryAfterSeconds);
    }

    @BindToRegistry("webhookGate")
    public WebhookGate webhookGate(WebhookSources sources, WebhookIntakeChannels intakes, WebhookMetrics metrics,
                                   IntakePressure intakePressure) {
        return new WebhookGate(sources, intakes, metrics, intakePressure);
    }

    @BindToRegistry("webhookSignature")
    public WebhookSignatureCheck webhookSignature() {
        return new WebhookSignatureCheck(Clock.systemUTC());
    }

    @BindToRegistry("webhookDelivery")
    public WebhookDelivery webhookDelivery() {
        return new WebhookDelivery();
    }

    @BindToRegistry("webhookDeliveriesRepository")
    public DeliveryIdRepository webhookDeliveriesRepository(DataSource dataSource) {
        return new DeliveryIdRepository(dataSource, "webhook-deliveries");
    }

    @BindToRegistry("webhookMapping")
    public WebhookMapping webhookMapping(JsltMappings mappings, CanonicalSchemas schemas, WebhookMetrics metrics) {
        return new WebhookMapping(mappings, schemas, metrics);
    }

    /** The one admission, for channel webhook: orders and cancellations (the route sends each to its queue). */
    @BindToRegistry("webhookAdmission")
    public DocumentAdmission webhookAdmission(DocumentTracker tracker, DocumentMetrics documentMetrics) {
        return new DocumentAdmission(tracker, documentMetrics, "webhook");
    }

    @BindToRegistry("webhookAnswers")
    public WebhookAnswers webhookAnswers(WebhookMetrics metrics) {
        return new WebhookAnswers(metrics);
    }

    @BindToRegistry("webhookRefusal")
    public WebhookRefusal webhookRefusal(CamelContext context, ProblemResponder problemResponder, WebhookMetrics metrics,
                                         @PropertyInject("interchange.queue.webhooks-dlq") String webhooksDlq,
                                         @PropertyInject("interchange.queue.webhooks-replay") String webhooksReplay) {
        return new WebhookRefusal(problemResponder, context.createProducerTemplate(), "jms:queue:" + webhooksDlq,
                webhooksReplay, metrics);
    }

    @BindToRegistry("webhookReplay")
    public WebhookReplay webhookReplay(WebhookSources sources) {
        return new WebhookReplay(sources);
    }

    /** Secrets and URLs in webhooks.yaml resolve through Camel properties: environment, -D, overrides. */
    private static PropertyLookup properties(CamelContext context) {
        return new PropertyLookup() {
            @Override
            public Optional<String> property(String key) {
                return context.getPropertiesComponent().resolveProperty(key).filter(value -> !value.isBlank());
            }

            @Override
            public String resolve(String text) {
                return context.resolvePropertyPlaceholders(text);
            }
        };
    }
}
