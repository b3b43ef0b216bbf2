package io.interchange.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.canonical.SchemaViolation;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks a JSON order against {@code mappings/canonical/order.schema.json}; on failure answers 400
 * listing every failing field, otherwise leaves the {@link Order} as the body.
 */
public class OrderValidator implements Processor {

    private final CanonicalSchemas schemas;

    public OrderValidator(CanonicalSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode document = exchange.getMessage().getMandatoryBody(JsonNode.class);
        List<SchemaViolation> violations = schemas.violations("order", document);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(400, "schema-violation", "Invalid Order",
                    violations.size() + " field(s) break the canonical order schema.").withErrors(violations));
        }
        exchange.getMessage().setBody(CanonicalJson.mapper().treeToValue(document, Order.class));
    }
}
