package io.interchange.ops.dlq;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.api.Problem;
import io.interchange.api.ProblemException;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminGate;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;
import io.interchange.ops.audit.AuditEntry;
import io.interchange.ops.audit.AuditLog;
import io.interchange.tracking.DocumentTimeline;
import org.apache.camel.Exchange;

/**
 * The dead letters over HTTP, {@code /admin/v1/dead-letters}: list with filters, show one (personal
 * data masked unless {@code ?unmasked=true}, role ops, audited; a payload that cannot be masked, not
 * JSON or a sender's raw input, is withheld), replay or discard one, replay or
 * discard a filtered set or all. The routes in {@code routes/ops/admin-dead-letters.camel.yaml} call it.
 */
public class DeadLetterResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final DeadLetterBrowser browser;
    private final DeadLetterReplay replay;
    private final DeadLetterDiscard discard;
    private final DeadLetterQueues queues;
    private final QueueDepth depth;
    private final DocumentTimeline timeline;
    private final PersonalDataMask mask;
    private final AuditLog audit;

    public DeadLetterResource(DeadLetterBrowser browser, DeadLetterReplay replay, DeadLetterDiscard discard,
            DeadLetterQueues queues, QueueDepth depth, DocumentTimeline timeline, PersonalDataMask mask, AuditLog audit) {
        this.browser = browser;
        this.replay = replay;
        this.discard = discard;
        this.queues = queues;
        this.depth = depth;
        this.timeline = timeline;
        this.mask = mask;
        this.audit = audit;
    }

    /** {@code GET /admin/v1/dead-letter-queues}: each dead-letter queue and how many messages wait on it. */
    public void queues(Exchange exchange) {
        ArrayNode list = CanonicalJson.mapper().createArrayNode();
        for (String queue : queues.names()) {
            list.addObject().put("queue", queue).put("messages", depth.messages(queue));
        }
        AdminResponse.ok(exchange, CanonicalJson.mapper().createObjectNode().set("queues", list));
    }

    /** {@code GET /admin/v1/dead-letters?queue=&partner=&channel=&errorClass=&since=&until=&offset=&limit=} */
    public void list(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        DeadLetterFilter filter = filterOf(request);
        int limit = request.limit(DEFAULT_LIMIT, MAX_LIMIT);
        int offset = request.offset();
        DeadLetterBrowser.Page page = browser.list(filter, Math.max(0, offset), limit);
        Map<String, Instant> firstFailures = timeline.firstFailures(page.letters().stream()
                .map(DeadLetter::documentId).filter(id -> id != null).toList());
        ObjectNode answer = CanonicalJson.mapper().createObjectNode()
                .put("matched", page.matched())
                .put("offset", offset)
                .put("limit", limit);
        answer.put("filter", filter.describe());
        ArrayNode letters = answer.putArray("deadLetters");
        for (DeadLetter letter : page.letters()) {
            letters.add(summary(letter, firstFailures.get(letter.documentId())));
        }
        AdminResponse.ok(exchange, answer);
    }

    /** {@code GET /admin/v1/dead-letters/{id}[?unmasked=true]} */
    public void show(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        String id = request.segmentAfter("dead-letters");
        boolean unmasked = request.flag("unmasked");
        AdminUser user = AdminGate.user(exchange);
        if (unmasked && !user.may(AdminRole.OPS)) {
            audit.record(AuditEntry.of(user.name(), "http", "view-unmasked", "dead-letter " + id,
                    "needs role ops", "denied"));
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "Only role ops may see unmasked payloads."));
        }
        DeadLetter letter = browser.find(id).orElseThrow(() -> unknown(id));
        if (unmasked) {
            audit.record(AuditEntry.of(user.name(), "http", "view-unmasked", letter.queue() + "/" + id
                    + (letter.documentId() == null ? "" : " document " + letter.documentId()), null, "ok"));
        }
        Instant firstFailure = letter.documentId() == null ? null
                : timeline.firstFailures(List.of(letter.documentId())).get(letter.documentId());
        ObjectNode answer = summary(letter, firstFailure);
        ObjectNode properties = answer.putObject("headers");
        letter.properties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        answer.put("masked", !unmasked);
        if (unmasked) {
            answer.put("payload", letter.body());
        } else if (letter.rawPayload()) {
            answer.putNull("payload");
            answer.put("payloadWithheld", "the payload is the sender's raw input ("
                    + (letter.body() == null ? 0 : letter.body().length()) + " characters), whose personal data cannot be "
                    + "found by field name; role ops may ask ?unmasked=true");
        } else {
            String masked = mask.mask(letter.body());
            if (masked != null) {
                answer.set("payload", parse(masked));
            } else {
                answer.putNull("payload");
                answer.put("payloadWithheld", "the payload is not JSON and cannot be masked field by field ("
                        + (letter.body() == null ? 0 : letter.body().length()) + " characters); role ops may ask ?unmasked=true");
            }
        }
        AdminResponse.ok(exchange, answer);
    }

    /** {@code POST /admin/v1/dead-letters/{id}/replay} */
    public void replayOne(Exchange exchange) {
        String id = AdminRequest.of(exchange).segmentAfter("dead-letters");
        DeadLetterOutcome outcome = replay.one(id, AdminGate.actor(exchange), "http");
        answerOne(exchange, outcome);
    }

    /** {@code POST /admin/v1/dead-letters/{id}/discard} with {@code {"reason": "..."}} */
    public void discardOne(Exchange exchange) {
        AdminRequest request = AdminRequest.of(exchange);
        String id = request.segmentAfter("dead-letters");
        String reason = reasonOf(request.body());
        answerOne(exchange, discard.one(id, reason, AdminGate.actor(exchange), "http"));
    }

    /** {@code POST /admin/v1/dead-letters/replay} with a filter, or {@code {"all": true}} */
    public void replayMatching(Exchange exchange) {
        JsonNode body = AdminRequest.of(exchange).body();
        DeadLetterFilter filter = bulkFilterOf(body);
        answerMany(exchange, filter, replay.matching(filter, AdminGate.actor(exchange), "http"));
    }

    /** {@code POST /admin/v1/dead-letters/discard} with a filter (or {@code "all": true}) and a reason */
    public void discardMatching(Exchange exchange) {
        JsonNode body = AdminRequest.of(exchange).body();
        DeadLetterFilter filter = bulkFilterOf(body);
        String reason = reasonOf(body);
        answerMany(exchange, filter, discard.matching(filter, reason, AdminGate.actor(exchange), "http"));
    }

    private void answerOne(Exchange exchange, DeadLetterOutcome outcome) {
        switch (outcome.outcome()) {
            case "not-found" -> throw unknown(outcome.id());
            case "refused" -> throw new ProblemException(Problem.of(409, "not-replayable", "Not Replayable",
                    outcome.detail()));
            case "failed" -> throw new ProblemException(Problem.of(503, "bus-unavailable", "Service Unavailable",
                    "The dead letter was left where it was: " + outcome.detail()));
            default -> AdminResponse.ok(exchange, CanonicalJson.mapper().valueToTree(outcome));
        }
    }

    private static void answerMany(Exchange exchange, DeadLetterFilter filter, List<DeadLetterOutcome> outcomes) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode()
                .put("filter", filter.describe())
                .put("matched", outcomes.size())
                .put("ok", outcomes.stream().filter(DeadLetterOutcome::isOk).count());
        answer.set("outcomes", CanonicalJson.mapper().valueToTree(outcomes));
        AdminResponse.ok(exchange, answer);
    }

    private ObjectNode summary(DeadLetter letter, Instant firstFailure) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode()
                .put("id", letter.id())
                .put("queue", letter.queue())
                .put("documentId", letter.documentId())
                .put("documentType", letter.documentType())
                .put("correlationId", letter.correlationId())
                .put("businessKey", letter.businessKey())
                .put("channel", letter.channel())
                .put("partnerId", letter.partnerId())
                .put("reason", letter.reason())
                .put("errorClass", letter.errorClass())
                .put("failedRoute", letter.failedRoute())
                .put("originalQueue", letter.originalQueue())
                .put("replays", letter.replays());
        if (letter.attempts() != null) {
            json.put("attempts", letter.attempts());
        } else {
            json.putNull("attempts");
        }
        Instant last = letter.deadLetteredAt();
        json.put("firstFailureAt", firstFailure != null ? firstFailure.toString() : last == null ? null : last.toString());
        json.put("lastFailureAt", last == null ? null : last.toString());
        json.put("receivedAt", letter.receivedAt() == null ? null : letter.receivedAt().toString());
        json.put("self", "/admin/v1/dead-letters/" + letter.id());
        return json;
    }

    private static DeadLetterFilter filterOf(AdminRequest request) {
        return new DeadLetterFilter(
                request.parameter("queue").orElse(null),
                request.parameter("partner").orElse(null),
                request.parameter("channel").or(() -> request.parameter("source")).orElse(null),
                request.parameter("errorClass").orElse(null),
                request.instant("since").orElse(null),
                request.instant("until").orElse(null),
                request.parameter("documentId").orElse(null));
    }

    /** A bulk operation names what it is about; an empty filter must say {@code "all": true}. */
    private static DeadLetterFilter bulkFilterOf(JsonNode body) {
        DeadLetterFilter filter = new DeadLetterFilter(
                text(body, "queue"), text(body, "partner"),
                text(body, "channel") != null ? text(body, "channel") : text(body, "source"),
                text(body, "errorClass"),
                text(body, "since") == null ? null : AdminRequest.parseInstant("since", text(body, "since")),
                text(body, "until") == null ? null : AdminRequest.parseInstant("until", text(body, "until")),
                text(body, "documentId"));
        if (filter.isEmpty() && !body.path("all").asBoolean(false)) {
            throw AdminRequest.badRequest("Name what to act on (queue, partner, channel, errorClass, since, until, "
                    + "documentId) or send \"all\": true.");
        }
        return filter;
    }

    private static String reasonOf(JsonNode body) {
        String reason = text(body, "reason");
        if (reason == null) {
            throw AdminRequest.badRequest("A discard needs a \"reason\".");
        }
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(Problem.of(404, "unknown-dead-letter", "Unknown Dead Letter",
                "No dead letter with id '" + id + "'."));
    }
}
