package io.interchange.edi.intake;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.admission.DocumentAdmission;
import io.interchange.broker.BusTransaction;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.canonical.SchemaViolation;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import io.interchange.partner.Partner;
import io.interchange.tracking.Admission;
import org.apache.camel.ProducerTemplate;

/**
 * One EDI transaction to one canonical order on the bus: the partner's mapping, the canonical
 * schema, then the same admission as the REST API (business key {@code edi:<partner>:<PO>},
 * persistent send to the orders queue, a known key answered with the original document).
 */
public class EdiOrderAdmission {

    private final OrderMapping mapping;
    private final CanonicalSchemas schemas;
    private final DocumentAdmission admission;
    private final ProducerTemplate producer;
    private final String ordersEndpoint;
    private final BusTransaction bus;

    /** @param ordersEndpoint the Camel endpoint of the orders queue, e.g. {@code jms:queue:orders.inbound} */
    public EdiOrderAdmission(OrderMapping mapping, CanonicalSchemas schemas, DocumentAdmission admission,
            ProducerTemplate producer, String ordersEndpoint, BusTransaction bus) {
        this.mapping = mapping;
        this.schemas = schemas;
        this.admission = admission;
        this.producer = producer;
        this.ordersEndpoint = ordersEndpoint;
        this.bus = bus;
    }

    /** The canonical order of {@code tree}, valid against the schema. */
    public ObjectNode prepare(Partner partner, JsonNode tree) {
        JsonNode mapped;
        try {
            mapped = mapping.apply(partner.mappings().order(), tree);
        } catch (OrderMapping.MappingException e) {
            throw new TransactionRejectedException("mapping failed: " + e.getMessage(), e);
        }
        if (mapped == null || !mapped.isObject()) {
            throw new TransactionRejectedException("mapping " + partner.mappings().order() + " gave no object", null);
        }
        ObjectNode order = (ObjectNode) mapped;
        // the channel and partner are facts of the intake, not of the partner's document
        order.withObjectProperty("source").put("channel", "edi").put("partnerId", partner.id());
        List<SchemaViolation> violations = schemas.violations("order", order);
        if (!violations.isEmpty()) {
            throw new TransactionRejectedException("canonical order schema violated: " + violations.stream()
                    .map(v -> v.pointer() + " " + v.message()).collect(Collectors.joining("; ")), null);
        }
        return order;
    }

    /** The order as the bus carries it. */
    public Order canonical(ObjectNode order) {
        try {
            return CanonicalJson.mapper().treeToValue(order, Order.class);
        } catch (JsonProcessingException e) {
            throw new TransactionRejectedException("canonical order unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** Several orders of one file at once: one commit to the bus and one to the tracking store. */
    public List<Admission> admitAll(List<Order> orders) {
        try {
            // a file's orders go on the bus here, not in a route step: hundreds per bus transaction and commit
            return admission.admitAll(orders, bus, (body, headers) -> producer.sendBodyAndHeaders(ordersEndpoint, body, headers));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RetryLaterException("admission failed: " + e.getMessage(), e);
        }
    }
}
