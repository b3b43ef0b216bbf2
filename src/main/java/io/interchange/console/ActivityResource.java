package io.interchange.console;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminRequest;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/activity?window=hour|day}: per channel and partner, the documents received,
 * accepted, rejected and dead-lettered in each bucket of the window (the console's overview charts).
 */
public class ActivityResource {

    private final ActivityCounts counts;
    private final Clock clock;

    public ActivityResource(ActivityCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    public void list(Exchange exchange) {
        ActivityWindow window = ActivityWindow.of(AdminRequest.of(exchange).parameter("window").orElse("hour"));
        Instant now = clock.instant();
        ObjectNode answer = CanonicalJson.mapper().createObjectNode()
                .put("window", window.apiName())
                .put("start", window.start(now).toString())
                .put("bucketSeconds", window.bucketSeconds())
                .put("buckets", window.buckets());
        ArrayNode all = answer.putArray("series");
        for (ActivitySeries series : counts.in(window, now)) {
            ObjectNode json = all.addObject().put("channel", series.channel()).put("partnerId", series.partnerId());
            ObjectNode totals = json.putObject("totals");
            for (String measure : ActivitySeries.MEASURES) {
                ArrayNode values = json.putArray(measure);
                for (long count : series.counts().get(measure)) {
                    values.add(count);
                }
                totals.put(measure, series.total(measure));
            }
        }
        AdminResponse.ok(exchange, answer);
    }
}
