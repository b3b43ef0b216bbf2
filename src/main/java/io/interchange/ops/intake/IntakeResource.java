package io.interchange.ops.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminGate;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/**
 * Partners and sources over HTTP: {@code GET /admin/v1/intakes[/{id}]} with state and counters,
 * {@code POST /admin/v1/intakes/{id}/suspend} ({@code {"reason": "..."}}) and {@code .../resume}.
 */
public class IntakeResource {

    private final IntakeChannels channels;
    private final IntakeCounters counters;

    public IntakeResource(IntakeChannels channels, IntakeCounters counters) {
        this.channels = channels;
        this.counters = counters;
    }

    public void list(Exchange exchange) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ArrayNode list = answer.putArray("intakes");
        channels.all().forEach(channel -> list.add(toJson(channel)));
        AdminResponse.ok(exchange, answer);
    }

    public void show(Exchange exchange) {
        AdminResponse.ok(exchange, toJson(channel(exchange)));
    }

    public void suspend(Exchange exchange) throws Exception {
        IntakeChannel channel = channel(exchange);
        String reason = AdminRequest.of(exchange).body().path("reason").asText("").trim();
        channels.suspend(channel, reason.isEmpty() ? "no reason given" : reason, AdminGate.actor(exchange), "http");
        AdminResponse.ok(exchange, toJson(channel));
    }

    public void resume(Exchange exchange) throws Exception {
        IntakeChannel channel = channel(exchange);
        channels.resume(channel, AdminGate.actor(exchange), "http");
        AdminResponse.ok(exchange, toJson(channel));
    }

    private IntakeChannel channel(Exchange exchange) {
        String id = AdminRequest.of(exchange).segmentAfter("intakes");
        return channels.find(id).orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-intake",
                "Unknown Intake", "No intake named '" + id + "'; GET /admin/v1/intakes lists them.")));
    }

    ObjectNode toJson(IntakeChannel channel) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode()
                .put("id", channel.id())
                .put("kind", channel.kind())
                .put("description", channel.description())
                .put("suspended", channel.isSuspended());
        channels.suspension(channel.id()).ifPresent(s -> json.putObject("suspension")
                .put("since", s.at().toString()).put("by", s.by()).put("reason", s.reason()));
        IntakeCounters.Counts counts = counters.of(channel.scope());
        ObjectNode documents = json.putObject("documents");
        documents.put("total", counts.total());
        counts.byState().forEach(documents::put);
        json.put("lastReceivedAt", counts.lastReceivedAt() == null ? null : counts.lastReceivedAt().toString());
        return json;
    }
}
