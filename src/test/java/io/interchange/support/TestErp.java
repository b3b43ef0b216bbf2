package io.interchange.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.erp.sandbox.ErpSandbox;
import io.interchange.erp.sandbox.ItemCatalog;

/**
 * The ERP sandbox started by a test on its own, outside the runtime, so it keeps its orders across
 * a runtime restart, as a real ERP would. Tests drive and read it over its real HTTP API.
 */
public final class TestErp implements AutoCloseable {

    public static final String USERNAME = "interchange";
    public static final String PASSWORD = "test-secret";

    private final ErpSandbox sandbox;
    private final Http http;

    private TestErp(ErpSandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new Http("http://localhost:" + sandbox.port());
    }

    public static TestErp start() {
        return start(List.of("WIDGET-", "GADGET-", "GIZMO-"));
    }

    /** An ERP that knows the SKU families starting with {@code itemPrefixes} (and any GTIN). */
    public static TestErp start(List<String> itemPrefixes) {
        ErpSandbox sandbox = new ErpSandbox("localhost", FreePorts.next(), USERNAME, PASSWORD,
                new ItemCatalog(itemPrefixes));
        sandbox.start();
        return new TestErp(sandbox);
    }

    public String apiUrl() {
        return "http://localhost:" + sandbox.port() + "/erp/api";
    }

    /** The ERP orders booked for one customer reference (the external order number). */
    public List<JsonNode> ordersFor(String customerReference) {
        return http.getJson("/erp/api/sales-orders?customerReference=" + customerReference).findParents("erpOrderNumber");
    }

    public JsonNode allOrders() {
        return http.getJson("/erp/api/sales-orders");
    }

    /** Every call the ERP received for an idempotency key (a business key), with the status it answered. */
    public List<Integer> answersFor(String idempotencyKey) {
        return http.getJson("/erp/sandbox/requests?idempotencyKey=" + idempotencyKey).findValues("status").stream()
                .map(JsonNode::asInt).toList();
    }

    public JsonNode requests() {
        return http.getJson("/erp/sandbox/requests");
    }

    /** Answer {@code status} to the next {@code times} calls (-1: until {@link #heal()}). */
    public void fail(int status, int times) {
        http.putJson("/erp/sandbox/faults", "{\"status\":" + status + ",\"times\":" + times + "}");
    }

    /** Answer {@code status} to every call whose Idempotency-Key contains {@code keyContains}, until {@link #heal()}. */
    public void failAlwaysFor(String keyContains, int status) {
        http.putJson("/erp/sandbox/faults", "{\"status\":" + status + ",\"times\":-1,\"keyContains\":\"" + keyContains + "\"}");
    }

    public void slowDown(long delayMs) {
        http.putJson("/erp/sandbox/faults", "{\"delayMs\":" + delayMs + "}");
    }

    public void heal() {
        http.delete("/erp/sandbox/faults");
    }

    public void reset() {
        sandbox.reset();
    }

    @Override
    public void close() {
        sandbox.stop();
    }
}
