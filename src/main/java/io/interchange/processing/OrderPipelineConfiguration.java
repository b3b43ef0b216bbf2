package io.interchange.processing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import io.interchange.api.AdmissionResponse;
import io.interchange.api.JsonRequestReader;
import io.interchange.api.OrderAdmission;
import io.interchange.api.OrderStatusQuery;
import io.interchange.api.OrderValidator;
import io.interchange.api.ProblemResponder;
import io.interchange.api.SchemaDocument;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.events.OrderEvents;
import io.interchange.mapping.MappingFunctions;
import io.interchange.model.CanonicalJson;
import io.interchange.observe.DatabaseHealthCheck;
import io.interchange.observe.DocumentMetrics;
import io.interchange.ops.dlq.QueueDepth;
import io.interchange.ops.intake.BackpressureLevel;
import io.interchange.ops.intake.GatedIntakeChannel;
import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeGate;
import io.interchange.ops.intake.IntakePressure;
import io.interchange.ops.intake.SftpIntakePressure;
import io.interchange.tracking.DocumentTracker;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jslt.JsltComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

/**
 * The beans the order routes name: intake (reader, validator, admission, answers), tracking, the
 * processing steps and the lifecycle events. Where events go (Kafka or the Artemis topic) is
 * decided here and exposed as the property {@code interchange.events.endpoint}.
 */
public class OrderPipelineConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.node.id")
    private String nodeId;
    @PropertyInject("interchange.mappings.dir")
    private String mappingsDir;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;
    @PropertyInject("interchange.processing.max-attempts")
    private int maxAttempts;
    @PropertyInject("interchange.processing.max-age")
    private String maxAge;
    @PropertyInject("interchange.processing.redelivery-delay-ms")
    private long redeliveryDelay;
    @PropertyInject("interchange.processing.redelivery-multiplier")
    private double redeliveryMultiplier;
    @PropertyInject("interchange.processing.redelivery-max-delay-ms")
    private long redeliveryMaxDelay;
    @PropertyInject("interchange.processing.redelivery-jitter")
    private double redeliveryJitter;
    @PropertyInject("interchange.backpressure.queues")
    private String backpressureQueues;
    @PropertyInject("interchange.backpressure.max-depth")
    private long backpressureMaxDepth;
    @PropertyInject("interchange.backpressure.resume-depth")
    private long backpressureResumeDepth;
    @PropertyInject("interchange.backpressure.check-ms")
    private long backpressureCheckMs;
    @PropertyInject("interchange.backpressure.retry-after-seconds")
    private long backpressureRetryAfter;
    @PropertyInject("interchange.rest.suspended-retry-after-seconds")
    private long restSuspendedRetryAfter;
    @PropertyInject("interchange.events.source")
    private String eventSource;
    @PropertyInject(value = "interchange.kafka.brokers", defaultValue = "")
    private String kafkaBrokers;
    @PropertyInject("interchange.kafka.topic")
    private String kafkaTopic;
    @PropertyInject("interchange.topic.events")
    private String eventsTopic;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        DataSource dataSource = registry.lookupByNameAndType("dataSource", DataSource.class);
        DocumentMetrics metrics = registry.lookupByNameAndType("documentMetrics", DocumentMetrics.class);
        DocumentTracker tracker = new DocumentTracker(dataSource, nodeId);
        CanonicalSchemas schemas = new CanonicalSchemas(Path.of(mappingsDir, "canonical"));

        // every JSLT mapping of the routes with the extension functions (exact number()), and the
        // canonical JSON reading for the ones that carry amounts: no double between intake and ERP
        context.getComponent("jslt", JsltComponent.class).setFunctions(MappingFunctions.all());
        registry.bind("canonicalJson", CanonicalJson.mapper());
        registry.bind("documentTracker", tracker);
        registry.bind("canonicalSchemas", schemas);
        registry.bind("jsonRequest", new JsonRequestReader());
        bindIntakeGates(registry);
        registry.bind("orderValidator", new OrderValidator(schemas));
        registry.bind("restOrderAdmission", new OrderAdmission(tracker, metrics, context.createProducerTemplate(),
                "jms:queue:" + ordersQueue, "rest"));
        registry.bind("admissionResponse", new AdmissionResponse("/api/v1/orders/"));
        registry.bind("orderStatusQuery", new OrderStatusQuery(tracker));
        registry.bind("problemResponder", new ProblemResponder());
        registry.bind("schemaDocument", new SchemaDocument(Path.of(mappingsDir, "canonical")));
        registry.bind("deliveryAttempts", new DeliveryAttempts(maxAttempts));
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(redeliveryDelay), redeliveryMultiplier,
                Duration.ofMillis(redeliveryMaxDelay), redeliveryJitter);
        registry.bind("orderRetries", new OrderRetries(new RetryPolicy(maxAttempts, Duration.parse(maxAge), schedule),
                Clock.systemUTC()));
        registry.bind("orderProgress", new OrderProgress(tracker, metrics, new OrderEvents(eventSource), ordersQueue));

        context.getPropertiesComponent().addOverrideProperty("interchange.events.endpoint", eventsEndpoint());
        HealthCheckRegistry.get(context).register(new DatabaseHealthCheck(dataSource));
    }

    /**
     * Backpressure for every intake (REST and webhooks ask {@code intakePressure}, SFTP partners skip
     * polls through {@code sftpIntakePressure}), and the REST intake as one channel ops can suspend.
     */
    private void bindIntakeGates(Registry registry) {
        QueueDepth depth = registry.lookupByNameAndType("queueDepth", QueueDepth.class);
        IntakePressure pressure = new IntakePressure(depth,
                Arrays.stream(backpressureQueues.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList(),
                new BackpressureLevel(backpressureMaxDepth, backpressureResumeDepth),
                Duration.ofMillis(backpressureCheckMs), backpressureRetryAfter, Clock.systemUTC());
        GatedIntakeChannel rest = new GatedIntakeChannel("rest", "api", "REST API for internal clients: POST /api/v1/orders",
                new IntakeChannel.CounterScope("rest", null), restSuspendedRetryAfter);
        registry.bind("intakePressure", pressure);
        registry.bind("sftpIntakePressure", new SftpIntakePressure(pressure));
        registry.bind("restIntakeChannel", rest);
        registry.bind("restIntakeGate", new IntakeGate(rest, pressure));
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
