package io.interchange.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Messages waiting on every dead-letter queue, as the admin API of an instance counts them. */
public final class DeadLetterCount {

    private DeadLetterCount() {
    }

    /** As the admin user {@code ops} with the password the instance wrote on its first start. */
    public static int of(InterchangeProcess instance) {
        return of(AdminClient.as(instance, "ops", instance.adminPassword()));
    }

    /** As an admin user configured by the test ({@code interchange.admin.users}). */
    public static int of(AdminClient admin) {
        JsonNode queues = admin.getJson("/admin/v1/dead-letter-queues").path("queues");
        assertThat(queues.findValuesAsText("queue")).contains("orders.dlq");
        int total = 0;
        for (JsonNode queue : queues) {
            total += queue.path("messages").asInt();
        }
        return total;
    }
}
