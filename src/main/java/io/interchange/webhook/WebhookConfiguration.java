package io.interchange.webhook;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.interchange.api.OrderAdmission;
import io.interchange.cancellation.CancellationAdmission;
import io.interchange.cancellation.CancellationErpAvailability;
import io.interchange.cancellation.CancellationOutcome;
import io.interchange.cancellation.CancellationRequestPath;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.events.OrderEvents;
import io.interchange.mapping.JsltTemplates;
import io.interchange.observe.DocumentMetrics;
import io.interchange.ops.intake.IntakePressure;
import io.interchange.ops.intake.IntakeSuspensions;
import io.interchange.processing.OrderProgress;
import io.interchange.tracking.DocumentTracker;
import io.interchange.webhook.callback.CallbackProgress;
import io.interchange.webhook.callback.WebhookCallbackAnswer;
import io.interchange.webhook.callback.WebhookCallbackRequest;
import io.interchange.webhook.mapping.JsltMappings;
import io.interchange.webhook.settings.PropertyLookup;
import io.interchange.webhook.settings.RateLimit;
import io.interchange.webhook.settings.WebhookSettingsReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;

/**
 * The beans of the webhook flows: intake ({@code routes/intake/webhook-intake.camel.yaml}), the
 * cancellations it admits ({@code routes/processing/process-cancellations.camel.yaml}) and the status
 * callbacks ({@code routes/outbound/webhook-callbacks.camel.yaml}). Sources are declared in
 * {@code interchange.webhooks.config} and reloaded when it changes. Runs after the order pipeline,
 * whose tracker, schemas and problem responder it reuses.
 */
public class WebhookConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.mappings.dir")
    private String mappingsDir;
    @PropertyInject("interchange.webhooks.config")
    private String configFile;
    @PropertyInject("interchange.webhooks.max-body-bytes")
    private long maxBodyBytes;
    @PropertyInject("interchange.webhooks.rate-limit.requests")
    private int rateLimitRequests;
    @PropertyInject("interchange.webhooks.rate-limit.period-seconds")
    private long rateLimitSeconds;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.queue.cancellations")
    private String cancellationsQueue;
    @PropertyInject("interchange.queue.callbacks")
    private String callbacksQueue;
    @PropertyInject("interchange.queue.webhooks-dlq")
    private String webhooksDlq;
    @PropertyInject("interchange.queue.webhooks-replay")
    private String webhooksReplay;
    @PropertyInject("interchange.events.source")
    private String eventSource;
    @PropertyInject(value = "interchange.webhooks.suspended-retry-after-seconds", defaultValue = "300")
    private long suspendedRetryAfterSeconds;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        DataSource dataSource = registry.lookupByNameAndType("dataSource", DataSource.class);
        DocumentTracker tracker = registry.lookupByNameAndType("documentTracker", DocumentTracker.class);
        DocumentMetrics documentMetrics = registry.lookupByNameAndType("documentMetrics", DocumentMetrics.class);
        CanonicalSchemas schemas = registry.lookupByNameAndType("canonicalSchemas", CanonicalSchemas.class);
        Processor problemResponder = registry.lookupByNameAndType("problemResponder", Processor.class);
        WebhookMetrics metrics = new WebhookMetrics(registry.lookupByNameAndType(
                MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class));
        Clock clock = Clock.systemUTC();

        JsltMappings mappings = new JsltMappings(registry.lookupByNameAndType("jsltTemplates", JsltTemplates.class));
        WebhookSources sources = new WebhookSources(Path.of(configFile), new WebhookSettingsReader(Path.of(mappingsDir),
                properties(context), mappings, maxBodyBytes,
                new RateLimit(rateLimitRequests, Duration.ofSeconds(rateLimitSeconds))));
        // each source is an intake ops can suspend (admin API, JMX); it follows the sources as they are (re)loaded
        WebhookIntakeChannels intakes = new WebhookIntakeChannels(sources, new IntakeSuspensions(dataSource),
                suspendedRetryAfterSeconds);
        sources.load();
        registry.bind("webhookSources", sources);
        registry.bind("webhookIntakeChannels", intakes);

        // intake
        registry.bind("webhookGate", new WebhookGate(sources, intakes, metrics,
                registry.lookupByNameAndType("intakePressure", IntakePressure.class)));
        registry.bind("webhookSignature", new WebhookSignatureCheck(clock));
        registry.bind("webhookDelivery", new WebhookDelivery());
        registry.bind("webhookDeliveriesRepository", new DeliveryIdRepository(dataSource, "webhook-deliveries"));
        registry.bind("webhookMapping", new WebhookMapping(mappings, schemas, metrics));
        CancellationAdmission cancellationAdmission = new CancellationAdmission(tracker, documentMetrics,
                context.createProducerTemplate(), "jms:queue:" + cancellationsQueue, "webhook");
        registry.bind("webhookAdmission", new WebhookAdmission(new OrderAdmission(tracker, documentMetrics,
                context.createProducerTemplate(), "jms:queue:" + ordersQueue, "webhook"), cancellationAdmission, metrics));
        registry.bind("webhookAnswers", new WebhookAnswers(metrics));
        registry.bind("webhookRefusal", new WebhookRefusal(problemResponder, context.createProducerTemplate(),
                "jms:queue:" + webhooksDlq, webhooksReplay, metrics));
        registry.bind("webhookReplay", new WebhookReplay(sources));

        // cancellations on the bus -> ERP (only webhooks send them so far)
        registry.bind("cancellationSteps", new OrderProgress(tracker, documentMetrics, new OrderEvents(eventSource),
                cancellationsQueue));
        registry.bind("cancellationOutcome", new CancellationOutcome(tracker, documentMetrics, new OrderEvents(eventSource)));
        registry.bind("cancellationRequestPath", new CancellationRequestPath());
        registry.bind("cancellationErpAvailability", new CancellationErpAvailability(
                registry.lookupByNameAndType("erpAvailability", Processor.class)));
        registry.bind("erpCancellationsRepository", new DeliveryIdRepository(dataSource, "erp-cancellations"));

        // status callbacks to the sources
        registry.bind("webhookCallbackRequest", new WebhookCallbackRequest(sources, mappings, clock));
        registry.bind("webhookCallbackAnswer", new WebhookCallbackAnswer(metrics));
        registry.bind("webhookCallbackProgress", new CallbackProgress(metrics, callbacksQueue));
        registry.bind("webhookCallbacksRepository", new DeliveryIdRepository(dataSource, "webhook-callbacks"));
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
