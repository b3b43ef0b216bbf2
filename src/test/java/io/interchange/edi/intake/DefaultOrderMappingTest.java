package io.interchange.edi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.mapping.JsltTemplates;
import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.EdiTransaction;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import org.junit.jupiter.api.Test;

/**
 * The built-in order mappings (mappings/default/) over partner files nobody wrote a mapping for,
 * run directly as JSLT, then the ERP mapping picking each line's item by the configured order.
 */
class DefaultOrderMappingTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final String ORDER = "VP,SK,EN,UP,BP,IB,MG";

    private final OrderMapping mapping = new OrderMapping(MAPPINGS, new JsltTemplates());
    private final CanonicalSchemas schemas = new CanonicalSchemas(MAPPINGS.resolve("canonical"));

    @Test
    void x12850KeepsEveryProductIdPairUnderItsCanonicalQualifier() throws IOException {
        ObjectNode order = map("default/x12-850.jslt", "x12-850-004010-mixed-qualifiers.edi");

        assertThat(order.at("/header/externalOrderNumber").asText()).isEqualTo("PO-5150");
        assertThat(order.at("/header/orderDate").asText()).isEqualTo("2026-11-22");
        assertThat(order.at("/header/currency").asText()).isEqualTo("CAD");
        assertThat(order.at("/header/requestedDeliveryDate").asText()).isEqualTo("2026-12-05");
        assertThat(order.at("/header/requestedShipDate").asText()).isEqualTo("2026-12-01");
        assertThat(order.at("/header/references").toString())
                .isEqualTo("[{\"qualifier\":\"DP\",\"value\":\"017\"},{\"qualifier\":\"IA\",\"value\":\"V-4471\"}]");
        assertThat(order.path("lines").get(0).path("identifiers").toString()).isEqualTo("["
                + "{\"qualifier\":\"BP\",\"value\":\"TPS-COVER-01\",\"sourceQualifier\":\"BP\"},"
                + "{\"qualifier\":\"VP\",\"value\":\"WIDGET-RED\",\"sourceQualifier\":\"VN\"},"
                + "{\"qualifier\":\"UP\",\"value\":\"012345678905\",\"sourceQualifier\":\"UP\"}]");
        assertThat(order.path("lines").get(0).path("gtin").asText()).isEqualTo("012345678905");
        assertThat(order.path("lines").get(0).path("buyerItemId").asText()).isEqualTo("TPS-COVER-01");
        assertThat(order.path("lines").get(0).path("description").asText()).isEqualTo("RED WIDGET");
        assertThat(order.path("lines").get(0).has("sku")).as("the ERP mapping picks the item").isFalse();
        assertThat(order.path("lines").get(1).path("identifiers").findValuesAsText("qualifier")).containsExactly("BP", "EN");
        assertThat(order.path("lines").get(1).path("identifiers").findValuesAsText("sourceQualifier")).containsExactly("IN", "EN");
        assertThat(order.path("lines").get(1).path("unitOfMeasure").asText()).isEqualTo("CS");
        // five pairs, up to PO115
        assertThat(order.path("lines").get(2).path("identifiers").findValuesAsText("qualifier"))
                .containsExactly("BP", "UP", "VP", "IB", "MG");
        assertThat(order.at("/totals/lineCount").asInt()).isEqualTo(3);

        JsonNode parties = order.path("parties");
        assertThat(parties.findValuesAsText("role")).containsExactly("buyer", "shipTo", "billTo");
        assertThat(parties.get(0).path("id").asText()).isEqualTo("IN-001");
        assertThat(parties.get(1).path("address").toString()).isEqualTo("{\"lines\":[\"4120 FREIDRICH LANE\",\"DOCK 7\"],"
                + "\"city\":\"AUSTIN\",\"region\":\"TX\",\"postalCode\":\"78744\",\"country\":\"US\"}");
    }

    @Test
    void theErpBooksTheFirstIdentifierInTheConfiguredOrder() throws IOException {
        ObjectNode order = map("default/x12-850.jslt", "x12-850-004010-mixed-qualifiers.edi");

        assertThat(erpItems(order, ORDER)).containsExactly("WIDGET-RED", "4006381333931", "GIZMO-XL");
        assertThat(erpItems(order, "BP, UP")).containsExactly("TPS-COVER-01", "IT-88", "STAPLER-RED");
        assertThat(erpItems(order, "IB,UP")).as("no identifier of the order: the GTIN")
                .containsExactly("012345678905", "4006381333931", "9780306406157");
    }

    @Test
    void aSkuSetByAPartnerMappingWinsOverTheIdentifiers() throws IOException {
        ObjectNode order = map("default/x12-850.jslt", "x12-850-004010-mixed-qualifiers.edi");
        ((ObjectNode) order.path("lines").get(1)).put("sku", "SET-BY-MAPPING");

        assertThat(erpItems(order, "BP")).containsExactly("TPS-COVER-01", "SET-BY-MAPPING", "STAPLER-RED");
    }

    @Test
    void x12850WithoutBuyerIsBoughtByItsBillToAndAShippingContainerCodeIsAGtin() throws IOException {
        ObjectNode order = map("default/x12-850.jslt", "x12-850-005010-no-buyer.edi");

        assertThat(order.path("parties").findValuesAsText("role")).containsExactly("buyer", "billTo");
        assertThat(order.path("parties").get(0).path("id").asText()).isEqualTo("AP-01");
        assertThat(order.at("/header/currency").asText()).isEqualTo("USD");
        assertThat(order.path("lines").get(0).path("gtin").asText()).isEqualTo("10012345678902");
        assertThat(erpItems(order, ORDER)).containsExactly("10012345678902");
    }

    @Test
    void edifactOrdersReadsLinAndEveryPia() throws IOException {
        ObjectNode order = map("default/edifact-orders.jslt", "edifact-orders-d96a-lin-pia.edi");

        assertThat(order.at("/header/externalOrderNumber").asText()).isEqualTo("PO-7001");
        assertThat(order.at("/header/orderDate").asText()).isEqualTo("2026-11-22");
        assertThat(order.at("/header/requestedDeliveryDate").asText()).as("format 203").isEqualTo("2026-12-05");
        assertThat(order.at("/header/currency").asText()).isEqualTo("EUR");
        assertThat(order.at("/header/references/0/value").asText()).isEqualTo("FRAME-2026");
        assertThat(order.path("lines").get(0).path("identifiers").toString()).isEqualTo("["
                + "{\"qualifier\":\"EN\",\"value\":\"4000862141404\",\"sourceQualifier\":\"SRS\"},"
                + "{\"qualifier\":\"VP\",\"value\":\"WIDGET-RED\",\"sourceQualifier\":\"SA\"},"
                + "{\"qualifier\":\"BP\",\"value\":\"BUY-1\",\"sourceQualifier\":\"IN\"}]");
        assertThat(order.path("lines").get(0).path("description").asText()).isEqualTo("RED WIDGET");
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(48);
        assertThat(order.path("lines").get(0).path("unitOfMeasure").asText()).isEqualTo("PCE");
        assertThat(order.path("lines").get(0).path("unitPrice").asDouble()).isEqualTo(12.5);
        assertThat(order.path("parties").findValuesAsText("role")).containsExactly("buyer", "shipTo", "seller");
        assertThat(order.path("parties").get(0).path("idQualifier").asText()).isEqualTo("GLN");
        assertThat(order.path("parties").get(0).path("name").asText()).isEqualTo("UMBRELLA RETAIL");
        assertThat(order.path("parties").get(0).path("address").toString()).isEqualTo(
                "{\"lines\":[\"MAIN STREET 1\"],\"city\":\"BRUSSELS\",\"postalCode\":\"1000\",\"country\":\"BE\"}");
        assertThat(order.at("/totals/lineCount").asInt()).isEqualTo(2);

        assertThat(erpItems(order, ORDER)).containsExactly("WIDGET-RED", "5410000000017");
        assertThat(erpItems(order, "BP")).containsExactly("BUY-1", "BUY-2");
    }

    @Test
    void everyOrderOfTheCorpusMapsToAValidCanonicalOrder() throws Exception {
        List<String> files;
        try (var listing = Files.list(Path.of("src/test/resources/edi/corpus"))) {
            files = listing.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (String file : files) {
            String mappingFile = file.startsWith("x12") ? "default/x12-850.jslt" : "default/edifact-orders.jslt";
            List<EdiTransaction> transactions = new ArrayList<>();
            try (InputStream in = Files.newInputStream(Path.of("src/test/resources/edi/corpus", file))) {
                new EdiInterchangeReader().read(in, transactions::add);
            }
            assertThat(transactions).as(file).isNotEmpty();
            for (EdiTransaction transaction : transactions) {
                ObjectNode order = (ObjectNode) mapping.apply(mappingFile, transaction.tree());
                order.withObjectProperty("source").put("channel", "edi").put("partnerId", "corpus");
                assertThat(schemas.violations("order", order)).as(file + " " + order).isEmpty();
                assertThat(order.path("lines").findValues("identifiers")).as(file).isNotEmpty();
            }
        }
    }

    /** The file's one transaction through the mapping, as the intake would admit it: valid against the canonical schema. */
    private ObjectNode map(String mappingFile, String sample) throws IOException {
        List<EdiTransaction> transactions = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/edi/default-mapping/" + sample)) {
            new EdiInterchangeReader().read(in, transactions::add);
        }
        assertThat(transactions).singleElement().satisfies(t -> assertThat(t.valid()).as(t.problems().toString()).isTrue());
        ObjectNode order = (ObjectNode) mapping.apply(mappingFile, transactions.get(0).tree());
        order.withObjectProperty("source").put("channel", "edi").put("partnerId", "initech");
        assertThat(schemas.violations("order", order)).isEmpty();
        // what the bus carries keeps every identifier and reference
        JsonNode carried = CanonicalJson.mapper().valueToTree(CanonicalJson.mapper().treeToValue(order, Order.class));
        assertThat(carried.path("lines").findValues("identifiers")).isEqualTo(order.path("lines").findValues("identifiers"));
        assertThat(carried.at("/header/references")).isEqualTo(order.at("/header/references"));
        return order;
    }

    private static List<String> erpItems(JsonNode order, String skuOrder) throws IOException {
        Expression erp = Parser.compileString(Files.readString(MAPPINGS.resolve("erp/sales-order.jslt")));
        JsonNode headers = CanonicalJson.mapper().createObjectNode().put("skuIdentifierOrder", skuOrder);
        return erp.apply(Map.of("headers", headers), order).path("lines").findValuesAsText("item");
    }
}
