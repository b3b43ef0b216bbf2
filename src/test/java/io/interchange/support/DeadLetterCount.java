package io.interchange.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/** Messages waiting on every dead-letter queue, as the admin API of an instance counts them. */
public final class DeadLetterCount {

    private DeadLetterCount() {
    }

    public static int of(InterchangeProcess instance) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/admin/v1/dead-letter-queues"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("ops:" + instance.adminPassword()).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode queues = Http.json(response).path("queues");
        assertThat(queues.findValuesAsText("queue")).contains("orders.dlq");
        int total = 0;
        for (JsonNode queue : queues) {
            total += queue.path("messages").asInt();
        }
        return total;
    }
}
