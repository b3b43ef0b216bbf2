package io.interchange.ops.dlq;

/**
 * What happened to one dead letter in a replay or discard: {@code ok}, {@code not-found} (unknown id,
 * or taken meanwhile), {@code refused} (no queue known to replay it to) or {@code failed}.
 */
public record DeadLetterOutcome(String id, String queue, String documentId, String businessKey, String target,
        String outcome, String detail) {

    public static DeadLetterOutcome notFound(String id) {
        return new DeadLetterOutcome(id, null, null, null, null, "not-found", "no dead letter with this id");
    }

    public boolean isOk() {
        return "ok".equals(outcome);
    }
}
