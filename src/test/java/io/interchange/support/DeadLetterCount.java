package io.interchange.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

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
        // -1 is "the broker cannot tell now" (e.g. during a failover or failback), not a count
        JsonNode queues = await("every dead-letter queue counted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.getJson("/admin/v1/dead-letter-queues").path("queues"),
                        listed -> listed.findValues("messages").stream().allMatch(messages -> messages.asInt() >= 0));
        assertThat(queues.findValuesAsText("queue")).contains("orders.dlq");
        int total = 0;
        for (JsonNode queue : queues) {
            total += queue.path("messages").asInt();
        }
        return total;
    }
}
