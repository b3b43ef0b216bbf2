package io.interchange.api;

import java.nio.file.Path;
import java.util.List;

import io.interchange.canonical.CanonicalSchemas;
import io.interchange.observe.DocumentMetrics;
import io.interchange.ops.intake.GatedIntakeChannel;
import io.interchange.ops.intake.IntakeChannel;
import io.interchange.ops.intake.IntakeGate;
import io.interchange.ops.intake.IntakePressure;
import io.interchange.tracking.DocumentDetails;
import io.interchange.tracking.DocumentTracker;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The REST intake for internal clients ({@code routes/intake/rest-*.camel.yaml}): reading and
 * validating a posted order, admitting it onto the bus, the answers, the status and lookup queries,
 * and the REST intake as one channel ops can suspend.
 */
public class RestIntakeConfiguration implements CamelConfiguration {

    @BindToRegistry("jsonRequest")
    public JsonRequestReader jsonRequest() {
        return new JsonRequestReader();
    }

    @BindToRegistry("orderValidator")
    public OrderValidator orderValidator(CanonicalSchemas schemas) {
        return new OrderValidator(schemas);
    }

    @BindToRegistry("restOrderAdmission")
    public OrderAdmission restOrderAdmission(CamelContext context, DocumentTracker tracker, DocumentMetrics metrics,
                                             @PropertyInject("interchange.queue.orders") String ordersQueue) {
        return new OrderAdmission(tracker, metrics, context.createProducerTemplate(), "jms:queue:" + ordersQueue, "rest");
    }

    @BindToRegistry("admissionResponse")
    public AdmissionResponse admissionResponse() {
        return new AdmissionResponse("/api/v1/orders/");
    }

    /** With the facts every document type adds (EDI interchange and control numbers, ...). */
    @BindToRegistry("orderStatusQuery")
    public OrderStatusQuery orderStatusQuery(DocumentTracker tracker, Registry registry) {
        return new OrderStatusQuery(tracker, List.copyOf(registry.findByType(DocumentDetails.class)));
    }

    @BindToRegistry("orderLookupQuery")
    public OrderLookupQuery orderLookupQuery(DocumentTracker tracker, Registry registry) {
        return new OrderLookupQuery(tracker, List.copyOf(registry.findByType(DocumentDetails.class)));
    }

    @BindToRegistry("problemResponder")
    public ProblemResponder problemResponder() {
        return new ProblemResponder();
    }

    @BindToRegistry("schemaDocument")
    public SchemaDocument schemaDocument(@PropertyInject("interchange.mappings.dir") String mappingsDir) {
        return new SchemaDocument(Path.of(mappingsDir, "canonical"));
    }

    @BindToRegistry("restIntakeChannel")
    public GatedIntakeChannel restIntakeChannel(
            @PropertyInject("interchange.rest.suspended-retry-after-seconds") long suspendedRetryAfter) {
        return new GatedIntakeChannel("rest", "api", "REST API for internal clients: POST /api/v1/orders",
                new IntakeChannel.CounterScope("rest", null), suspendedRetryAfter);
    }

    @BindToRegistry("restIntakeGate")
    public IntakeGate restIntakeGate(GatedIntakeChannel restIntakeChannel, IntakePressure intakePressure) {
        return new IntakeGate(restIntakeChannel, intakePressure);
    }
}
