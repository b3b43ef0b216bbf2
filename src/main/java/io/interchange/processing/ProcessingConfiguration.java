package io.interchange.processing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.interchange.cancellation.CancellationOutcome;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.events.OrderEvents;
import io.interchange.mapping.MappingFunctions;
import io.interchange.model.CanonicalJson;
import io.interchange.observe.DocumentMetrics;
import io.interchange.tracking.DocumentTracker;
import io.interchange.webhook.DeliveryIdRepository;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jslt.JsltComponent;

/**
 * What happens on the bus ({@code routes/processing/}): the document tracker and canonical schemas
 * every flow shares, and the steps of {@code process-orders} and {@code process-cancellations}
 * (progress, retries, the ERP idempotency keys).
 */
public class ProcessingConfiguration implements CamelConfiguration {

    @BindToRegistry("documentTracker")
    public DocumentTracker documentTracker(DataSource dataSource, @PropertyInject("interchange.node.id") String nodeId) {
        return new DocumentTracker(dataSource, nodeId);
    }

    @BindToRegistry("canonicalSchemas")
    public CanonicalSchemas canonicalSchemas(@PropertyInject("interchange.mappings.dir") String mappingsDir) {
        return new CanonicalSchemas(Path.of(mappingsDir, "canonical"));
    }

    /** The canonical JSON reading for the mappings that carry amounts: no double between intake and ERP. */
    @BindToRegistry("canonicalJson")
    public ObjectMapper canonicalJson() {
        return CanonicalJson.mapper();
    }

    @BindToRegistry("orderRetries")
    public OrderRetries orderRetries(@PropertyInject("interchange.processing.max-attempts") int maxAttempts,
                                     @PropertyInject("interchange.processing.max-age") String maxAge,
                                     @PropertyInject("interchange.processing.redelivery-delay-ms") long redeliveryDelay,
                                     @PropertyInject("interchange.processing.redelivery-multiplier") double redeliveryMultiplier,
                                     @PropertyInject("interchange.processing.redelivery-max-delay-ms") long redeliveryMaxDelay,
                                     @PropertyInject("interchange.processing.redelivery-jitter") double redeliveryJitter) {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(redeliveryDelay), redeliveryMultiplier,
                Duration.ofMillis(redeliveryMaxDelay), redeliveryJitter);
        return new OrderRetries(new RetryPolicy(maxAttempts, Duration.parse(maxAge), schedule), Clock.systemUTC());
    }

    @BindToRegistry("orderProgress")
    public OrderProgress orderProgress(DocumentTracker tracker, DocumentMetrics metrics,
                                       @PropertyInject("interchange.events.source") String eventSource) {
        return new OrderProgress(tracker, metrics, new OrderEvents(eventSource));
    }

    /** Orders whose ERP outcome (accepted or rejected) is settled: their tracking rows say so. */
    @BindToRegistry("erpOrdersRepository")
    public SettledOrders erpOrdersRepository(DocumentTracker tracker) {
        return new SettledOrders(tracker);
    }

    @BindToRegistry("cancellationOutcome")
    public CancellationOutcome cancellationOutcome(DocumentTracker tracker, DocumentMetrics metrics,
                                                   @PropertyInject("interchange.events.source") String eventSource) {
        return new CancellationOutcome(tracker, metrics, new OrderEvents(eventSource));
    }

    /** Keys of cancellations whose ERP outcome is settled. */
    @BindToRegistry("erpCancellationsRepository")
    public DeliveryIdRepository erpCancellationsRepository(DataSource dataSource) {
        return new DeliveryIdRepository(dataSource, "erp-cancellations");
    }

    @Override
    public void configure(CamelContext context) {
        // every JSLT mapping of the routes with the extension functions (exact number())
        context.getComponent("jslt", JsltComponent.class).setFunctions(MappingFunctions.all());
    }
}
