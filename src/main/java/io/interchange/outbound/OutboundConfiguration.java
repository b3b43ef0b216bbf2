package io.interchange.outbound;

import io.interchange.edi.intake.OrderMapping;
import io.interchange.mapping.JsltTemplates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.interchange.erp.ErpRequestPath;
import io.interchange.edi.intake.ControlNumberSequence;
import io.interchange.edi.intake.EdiTracking;
import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.edi.outbound.OrderResponses;
import io.interchange.edi.outbound.SentDocuments;
import io.interchange.erp.ErpAnswer;
import io.interchange.erp.ErpAvailability;
import io.interchange.erp.sandbox.ErpSandbox;
import io.interchange.erp.sandbox.ItemCatalog;
import io.interchange.observe.ErpBreakerHealthCheck;
import io.interchange.ops.timeline.PublishedEventRecorder;
import io.interchange.partner.PartnerDirectory;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.webhook.DeliveryIdRepository;
import io.interchange.webhook.WebhookMetrics;
import io.interchange.webhook.WebhookSources;
import io.interchange.webhook.callback.WebhookCallbackAnswer;
import io.interchange.webhook.callback.WebhookCallbackRequest;
import io.interchange.webhook.mapping.JsltMappings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * What leaves Interchange ({@code routes/outbound/}): orders and cancellations to the ERP behind one
 * circuit breaker (state in health, metrics and JMX), the 855/ORDRSP to EDI partners, the status
 * callbacks to webhook sources, and the lifecycle events (Kafka or the Artemis topic, exposed as the
 * property {@code interchange.events.endpoint}). Also the ERP sandbox when
 * {@code interchange.erp-sandbox.enabled}.
 */
public class OutboundConfiguration implements CamelConfiguration {

    // read by configure(), which sets what runs beside the routes
    @PropertyInject("interchange.erp-sandbox.enabled")
    private boolean sandboxEnabled;
    @PropertyInject(value = "interchange.kafka.brokers", defaultValue = "")
    private String kafkaBrokers;
    @PropertyInject("interchange.kafka.topic")
    private String kafkaTopic;
    @PropertyInject("interchange.topic.events")
    private String eventsTopic;

    @BindToRegistry("erpCircuitBreaker")
    public CircuitBreaker erpCircuitBreaker(MeterRegistry meters,
                                            @PropertyInject("interchange.erp.breaker.failure-rate-percent") float failureRate,
                                            @PropertyInject("interchange.erp.breaker.minimum-calls") int minimumCalls,
                                            @PropertyInject("interchange.erp.breaker.window-size") int windowSize,
                                            @PropertyInject("interchange.erp.breaker.open-seconds") int openSeconds,
                                            @PropertyInject("interchange.erp.breaker.half-open-calls") int halfOpenCalls) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowSize(windowSize)
                .waitDurationInOpenState(Duration.ofSeconds(openSeconds))
                // a trial call that never reaches the ERP must not keep the breaker half-open for ever
                // (the ERP consumers wait for the trials' outcome): back to open, then new trials
                .maxWaitDurationInHalfOpenState(Duration.ofSeconds(openSeconds))
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return breakers.circuitBreaker("erp");
    }

    @BindToRegistry("erpAvailability")
    public ErpAvailability erpAvailability() {
        return new ErpAvailability();
    }

    @BindToRegistry("erpAnswer")
    public ErpAnswer erpAnswer() {
        return new ErpAnswer();
    }

    @BindToRegistry("erpRequestPath")
    public ErpRequestPath erpRequestPath() {
        return new ErpRequestPath();
    }

    /** A stand-in for the real ERP, started by {@link #configure} when {@code interchange.erp-sandbox.enabled}. */
    @BindToRegistry("erpSandbox")
    public ErpSandbox erpSandbox(@PropertyInject(value = "interchange.erp-sandbox.host", defaultValue = "localhost") String host,
                                 @PropertyInject("interchange.erp-sandbox.port") int port,
                                 @PropertyInject(value = "interchange.erp-sandbox.journal", defaultValue = "") String journal,
                                 @PropertyInject("interchange.erp-sandbox.known-sku-prefixes") String knownSkuPrefixes,
                                 @PropertyInject("interchange.erp.username") String username,
                                 @PropertyInject("interchange.erp.password") String password) {
        ItemCatalog catalog = new ItemCatalog(Arrays.stream(knownSkuPrefixes.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        return new ErpSandbox(host, port, username, password, catalog, journal.isBlank() ? null : Path.of(journal));
    }

    /** The 855/ORDRSP sent to partners, which their 997/999/CONTRL are matched to. */
    @BindToRegistry("sentDocuments")
    public SentDocuments sentDocuments(DataSource dataSource) {
        return new SentDocuments(dataSource);
    }

    @BindToRegistry("orderResponses")
    public OrderResponses orderResponses(PartnerDirectory directory, EdiTracking tracking, ControlNumberSequence numbers,
                                         PartnerOutbox outbox, SentDocuments sent, JsltTemplates jsltTemplates,
                                         @PropertyInject("interchange.mappings.dir") String mappingsDir) {
        return new OrderResponses(directory, tracking, numbers, outbox, new OrderMapping(Path.of(mappingsDir), jsltTemplates), sent);
    }

    @BindToRegistry("webhookCallbackRequest")
    public WebhookCallbackRequest webhookCallbackRequest(WebhookSources sources, JsltMappings mappings) {
        return new WebhookCallbackRequest(sources, mappings, Clock.systemUTC());
    }

    @BindToRegistry("webhookCallbackAnswer")
    public WebhookCallbackAnswer webhookCallbackAnswer(WebhookMetrics metrics) {
        return new WebhookCallbackAnswer(metrics);
    }

    @BindToRegistry("webhookCallbacksRepository")
    public DeliveryIdRepository webhookCallbacksRepository(DataSource dataSource) {
        return new DeliveryIdRepository(dataSource, "webhook-callbacks");
    }

    /** Each published lifecycle event on its document's timeline. */
    @BindToRegistry("publishedEventRecorder")
    public PublishedEventRecorder publishedEventRecorder(DocumentTimeline timeline) {
        return new PublishedEventRecorder(timeline);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        context.getPropertiesComponent().addOverrideProperty("interchange.events.endpoint", eventsEndpoint());
        HealthCheckRegistry.get(context).register(
                new ErpBreakerHealthCheck(context.getRegistry().findSingleByType(CircuitBreaker.class)));
        if (sandboxEnabled) {
            context.addService(context.getRegistry().findSingleByType(ErpSandbox.class), true, true);
        }
    }

    private String eventsEndpoint() {
        if (kafkaBrokers.isBlank()) {
            return "jms:topic:" + eventsTopic;
        }
        // acks=all + idempotence: an event the broker confirmed is on every in-sync replica, once
        return "kafka:" + kafkaTopic + "?brokers=" + kafkaBrokers
                + "&requestRequiredAcks=all&enableIdempotence=true&maxInFlightRequest=5";
    }
}
