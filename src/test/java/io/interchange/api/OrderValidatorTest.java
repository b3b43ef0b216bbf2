package io.interchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.canonical.SchemaViolation;
import io.interchange.model.Order;
import io.interchange.support.Orders;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What the REST intake makes of a posted JSON order: an {@link Order}, or a 400 naming every bad field. */
class OrderValidatorTest {

    private final OrderValidator validator = new OrderValidator(new CanonicalSchemas(Path.of("mappings/canonical")));

    @Test
    void aValidOrderBecomesTheCanonicalOrder() throws Exception {
        Exchange exchange = withBody(Orders.order("webshop", "PO-7", "WIDGET-RED", "WIDGET-BLUE"));

        validator.process(exchange);

        Order order = exchange.getMessage().getBody(Order.class);
        assertThat(order.source().partnerId()).isEqualTo("webshop");
        assertThat(order.header().externalOrderNumber()).isEqualTo("PO-7");
        assertThat(order.lines()).hasSize(2);
    }

    @Test
    void everyFailingFieldIsListedInOne400() {
        ObjectNode order = Orders.order("webshop", "PO-8");
        order.withObject("/header").remove("currency");
        ((ObjectNode) order.withArray("lines").get(0)).put("quantity", -1);
        Exchange exchange = withBody(order);

        assertThatThrownBy(() -> validator.process(exchange)).isInstanceOfSatisfying(ProblemException.class, refused -> {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().type()).endsWith("schema-violation");
            assertThat(refused.problem().detail()).startsWith("2 field(s)");
            // a missing field is named at its parent, by name in the message
            assertThat(refused.problem().errors()).extracting(SchemaViolation::pointer)
                    .containsExactlyInAnyOrder("/header", "/lines/0/quantity");
            assertThat(refused.problem().errors()).filteredOn(violation -> violation.pointer().equals("/header"))
                    .singleElement().extracting(SchemaViolation::message).asString().contains("currency");
        });
        assertThat(exchange.getMessage().getBody()).as("the body stays the posted JSON").isInstanceOf(JsonNode.class);
    }

    private static Exchange withBody(JsonNode body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
