package io.interchange.erp.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the ERP, on its own port and its own Vert.x instance, so Interchange talks to it
 * over real HTTP exactly as it would to the real one.
 *
 * <ul>
 *   <li>{@code POST /erp/api/sales-orders} (Basic auth, {@code Idempotency-Key} required): 201 with
 *       an ERP order number; the same key again gets the same answer and no second order; an item
 *       that is neither a known SKU prefix nor a GTIN gives 422.</li>
 *   <li>{@code POST /erp/api/sales-orders/{customerReference}/cancellation} (Basic auth,
 *       {@code Idempotency-Key} required, body {@code {"reason":..,"origin":{"partner":..}}}): 200
 *       with status CANCELLED; the same key again gets the same answer; 404 while no such order
 *       exists (not remembered, so a retry after the order arrived succeeds).</li>
 *   <li>{@code GET /erp/api/sales-orders[?customerReference=]}: the orders it holds.</li>
 *   <li>{@code PUT /erp/sandbox/faults} {@code {"status":503,"times":3,"delayMs":2000}}: fail the
 *       next calls (times -1: until cleared) or answer slowly; {@code "keyContains":"POISON"} fails
 *       only calls whose Idempotency-Key contains it; {@code DELETE} clears.</li>
 *   <li>{@code GET /erp/sandbox/requests[?idempotencyKey=]}: every call received and its answer.</li>
 *   <li>{@code DELETE /erp/sandbox/sales-orders}: forget everything (tests and demos).</li>
 * </ul>
 * With a journal file (Interchange's own sandbox keeps one in the data directory) its orders, answers
 * and next order number survive a restart, as a real ERP's would.
 */
public final class ErpSandbox extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ErpSandbox.class);
    private static final String JSON = "application/json";

    private final String host;
    private final int port;
    private final String expectedAuthorization;
    private final ItemCatalog catalog;

    private final Map<String, StoredAnswer> answersByKey = new ConcurrentHashMap<>();
    private final List<ObjectNode> orders = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextNumber = new AtomicLong(100001);
    private volatile Faults faults = Faults.NONE;
    private final SandboxJournal journal;

    private Vertx vertx;
    private HttpServer server;

    /** A sandbox that forgets everything when it stops (tests that want a fresh ERP). */
    public ErpSandbox(String host, int port, String username, String password, ItemCatalog catalog) {
        this(host, port, username, password, catalog, null);
    }

    /**
     * @param journal file the sandbox keeps its orders and answers in (null: memory only); read
     *                back at start, so a restart hands out no order number twice and still knows
     *                every Idempotency-Key it answered
     */
    public ErpSandbox(String host, int port, String username, String password, ItemCatalog catalog, Path journal) {
        this.journal = journal == null ? null : new SandboxJournal(journal);
        this.host = host;
        this.port = port;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.catalog = catalog;
    }

    public int port() {
        return server == null ? port : server.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        if (journal != null) {
            journal.replay(this::restore);
        }
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(4 * 1024 * 1024));
        router.post("/erp/api/sales-orders").handler(this::createOrder);
        router.get("/erp/api/sales-orders").handler(this::listOrders);
        router.post("/erp/api/sales-orders/:customerReference/cancellation").handler(this::cancelOrder);
        router.get("/erp/sandbox/faults").handler(ctx -> json(ctx, 200, faults.toJson()));
        router.put("/erp/sandbox/faults").handler(this::setFaults);
        router.delete("/erp/sandbox/faults").handler(ctx -> {
            faults = Faults.NONE;
            json(ctx, 200, faults.toJson());
        });
        router.get("/erp/sandbox/requests").handler(this::listRequests);
        router.delete("/erp/sandbox/sales-orders").handler(ctx -> {
            reset();
            ctx.response().setStatusCode(204).end();
        });
        // HTTP/1.1, as the ERP APIs it stands in for: with Vert.x's default plaintext HTTP/2 upgrade (h2c),
        // Java's HttpClient misread a large answer sent right after "101 Switching Protocols" (about
        // one first request in twenty at 100 KB; docs/operations.md "HTTP/2 upgrade")
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router).listen(port, host)
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("ERP sandbox listening on http://{}:{}/erp/api", host, server.actualPort());
    }

    @Override
    protected void doStop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vertx = null;
            server = null;
        }
    }

    /** Forgets all orders, answers, recorded requests and faults. */
    public void reset() {
        answersByKey.clear();
        orders.clear();
        requests.clear();
        faults = Faults.NONE;
        if (journal != null) {
            journal.clear();
        }
    }

    /** One entry of the journal, replayed at start in the order written. */
    private void restore(JsonNode entry) {
        StoredAnswer answer = StoredAnswer.fresh(entry.path("status").asInt(), entry.path("body"));
        answersByKey.put(entry.path("key").asText(), answer);
        if (entry.hasNonNull("order")) {
            ObjectNode order = (ObjectNode) entry.get("order");
            orders.add(order);
            long number = Long.parseLong(order.path("erpOrderNumber").asText().substring("SO-".length()));
            nextNumber.accumulateAndGet(number + 1, Math::max);
        }
        if (entry.hasNonNull("cancelled")) {
            JsonNode cancelled = entry.get("cancelled");
            orders.stream().filter(o -> o.path("erpOrderNumber").asText().equals(cancelled.path("erpOrderNumber").asText()))
                    .forEach(o -> o.setAll((ObjectNode) cancelled));
        }
    }

    /** Keeps a final answer given under {@code key} (and what it booked or cancelled) in the journal. */
    private void remember(String key, StoredAnswer answer, ObjectNode order, ObjectNode cancelled) {
        if (journal == null) {
            return;
        }
        ObjectNode entry = CanonicalJson.mapper().createObjectNode().put("key", key).put("status", answer.status());
        entry.set("body", answer.body());
        entry.set("order", order);
        entry.set("cancelled", cancelled);
        journal.append(entry);
    }

    private void createOrder(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        Faults current = faults;
        Runnable answer = () -> {
            StoredAnswer result = decide(ctx, key, current);
            record(key, result.status(), ctx.request().getHeader("X-Correlation-ID"));
            if (result.replayed()) {
                ctx.response().putHeader("Idempotent-Replayed", "true");
            }
            json(ctx, result.status(), result.body());
        };
        if (current.delayMs() > 0) {
            vertx.setTimer(current.delayMs(), id -> answer.run());
        } else {
            answer.run();
        }
    }

    private StoredAnswer decide(RoutingContext ctx, String key, Faults current) {
        if (!expectedAuthorization.equals(ctx.request().getHeader("Authorization"))) {
            return StoredAnswer.fresh(401, error("UNAUTHORIZED", "Missing or wrong credentials"));
        }
        if (key == null || key.isBlank()) {
            return StoredAnswer.fresh(400, error("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header"));
        }
        if (current.takeFailure(key, this)) {
            return StoredAnswer.fresh(current.status(), error("UNAVAILABLE", "ERP sandbox fault injected"));
        }
        JsonNode order;
        try {
            order = CanonicalJson.mapper().readTree(ctx.body().asString());
        } catch (Exception e) {
            return StoredAnswer.fresh(400, error("MALFORMED", "Body is not JSON"));
        }
        // compute() runs once per key at a time: concurrent retries of one order make one order.
        StoredAnswer[] outcome = new StoredAnswer[1];
        answersByKey.compute(key, (k, existing) -> {
            if (existing != null) {
                outcome[0] = existing.replay();
                return existing;
            }
            ObjectNode[] booked = new ObjectNode[1];
            outcome[0] = book(key, order, booked);
            remember(key, outcome[0], booked[0], null);
            return outcome[0];
        });
        return outcome[0];
    }

    private void cancelOrder(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        StoredAnswer result = decideCancellation(ctx, key, faults);
        record(key, result.status(), ctx.request().getHeader("X-Correlation-ID"));
        if (result.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
        }
        json(ctx, result.status(), result.body());
    }

    private StoredAnswer decideCancellation(RoutingContext ctx, String key, Faults current) {
        if (!expectedAuthorization.equals(ctx.request().getHeader("Authorization"))) {
            return StoredAnswer.fresh(401, error("UNAUTHORIZED", "Missing or wrong credentials"));
        }
        if (key == null || key.isBlank()) {
            return StoredAnswer.fresh(400, error("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header"));
        }
        if (current.takeFailure(key, this)) {
            return StoredAnswer.fresh(current.status(), error("UNAVAILABLE", "ERP sandbox fault injected"));
        }
        JsonNode request;
        try {
            request = CanonicalJson.mapper().readTree(ctx.body().asString());
        } catch (Exception e) {
            return StoredAnswer.fresh(400, error("MALFORMED", "Body is not JSON"));
        }
        String reference = ctx.pathParam("customerReference");
        String partner = request == null ? "" : request.path("origin").path("partner").asText("");
        StoredAnswer[] outcome = new StoredAnswer[1];
        answersByKey.compute(key, (k, existing) -> {
            if (existing != null) {
                outcome[0] = existing.replay();
                return existing;
            }
            ObjectNode order = orders.stream()
                    .filter(o -> reference.equals(o.path("customerReference").asText()))
                    .filter(o -> partner.isEmpty() || partner.equals(o.path("origin").path("partner").asText()))
                    .findFirst().orElse(null);
            if (order == null) {
                outcome[0] = StoredAnswer.fresh(404, error("UNKNOWN_ORDER", "No sales order with customerReference '"
                        + reference + "'" + (partner.isEmpty() ? "" : " from " + partner)));
                return null;
            }
            ObjectNode cancelled = CanonicalJson.mapper().createObjectNode()
                    .put("erpOrderNumber", order.path("erpOrderNumber").asText())
                    .put("status", "CANCELLED")
                    .put("cancellationReason", request.path("reason").asText(""))
                    .put("cancelledAt", Instant.now().toString());
            order.setAll(cancelled);
            outcome[0] = StoredAnswer.fresh(200, CanonicalJson.mapper().createObjectNode()
                    .put("erpOrderNumber", order.path("erpOrderNumber").asText())
                    .put("status", "CANCELLED")
                    .put("customerReference", reference));
            remember(key, outcome[0], null, cancelled);
            return outcome[0];
        });
        return outcome[0];
    }

    /** The answer to a new key; {@code booked[0]} is the order it booked, if it did. */
    private StoredAnswer book(String key, JsonNode order, ObjectNode[] booked) {
        String reference = order.path("customerReference").asText("");
        JsonNode lines = order.path("lines");
        if (reference.isBlank() || !lines.isArray() || lines.isEmpty()) {
            return StoredAnswer.fresh(400, error("INCOMPLETE", "customerReference and at least one line are required"));
        }
        for (JsonNode line : lines) {
            String item = line.path("item").asText("");
            if (!catalog.knows(item)) {
                return StoredAnswer.fresh(422, error("UNKNOWN_ITEM",
                        "Unknown item '" + item + "' on line " + line.path("line").asText("?")
                                + ": not a known SKU prefix " + catalog.prefixes() + " nor a GTIN"));
            }
        }
        String number = "SO-" + nextNumber.getAndIncrement();
        ObjectNode stored = order.deepCopy();
        stored.put("erpOrderNumber", number);
        stored.put("idempotencyKey", key);
        stored.put("createdAt", Instant.now().toString());
        orders.add(stored);
        booked[0] = stored;
        ObjectNode body = CanonicalJson.mapper().createObjectNode()
                .put("erpOrderNumber", number)
                .put("status", "CREATED")
                .put("customerReference", reference)
                .put("lineCount", lines.size());
        return StoredAnswer.fresh(201, body);
    }

    private void listOrders(RoutingContext ctx) {
        String reference = ctx.request().getParam("customerReference");
        var list = CanonicalJson.mapper().createArrayNode();
        orders.stream()
                .filter(o -> reference == null || reference.equals(o.path("customerReference").asText()))
                .forEach(list::add);
        json(ctx, 200, list);
    }

    private void listRequests(RoutingContext ctx) {
        String key = ctx.request().getParam("idempotencyKey");
        var list = CanonicalJson.mapper().createArrayNode();
        requests.stream()
                .filter(r -> key == null || key.equals(r.path("idempotencyKey").asText()))
                .forEach(list::add);
        json(ctx, 200, list);
    }

    private void setFaults(RoutingContext ctx) {
        try {
            faults = Faults.fromJson(CanonicalJson.mapper().readTree(ctx.body().asString()));
            json(ctx, 200, faults.toJson());
        } catch (Exception e) {
            json(ctx, 400, error("MALFORMED", "Expected {\"status\":503,\"times\":-1,\"delayMs\":0}"));
        }
    }

    /** Called by {@link Faults} when a counted failure is used up. */
    void clearFaultsIf(Faults used) {
        if (faults == used) {
            faults = Faults.NONE;
        }
    }

    private void record(String key, int status, String correlationId) {
        ObjectNode entry = CanonicalJson.mapper().createObjectNode()
                .put("at", Instant.now().toString())
                .put("idempotencyKey", key)
                .put("status", status);
        if (correlationId != null) {
            entry.put("correlationId", correlationId);
        }
        requests.add(entry);
    }

    private static ObjectNode error(String code, String message) {
        return CanonicalJson.mapper().createObjectNode().put("error", code).put("message", message);
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.toString());
    }

    private record StoredAnswer(int status, JsonNode body, boolean replayed) {
        static StoredAnswer fresh(int status, JsonNode body) {
            return new StoredAnswer(status, body, false);
        }

        StoredAnswer replay() {
            return new StoredAnswer(status, body, true);
        }
    }
}
