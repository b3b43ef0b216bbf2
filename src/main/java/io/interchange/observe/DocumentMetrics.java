package io.interchange.observe;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business metrics, exposed in Prometheus format at {@code /observe/metrics}:
 * <ul>
 *   <li>{@code interchange_documents_total{channel,partner,outcome}}: received, duplicate, accepted,
 *       rejected, dead_lettered;</li>
 *   <li>{@code interchange_erp_answer_seconds{channel,outcome}}: histogram of the time from receipt to
 *       the ERP's answer.</li>
 * </ul>
 * Partner ids become label values, so only the first {@value #MAX_PARTNER_LABELS} distinct ones are
 * kept; later ones count under {@code partner="other"} and cannot blow up the time series.
 */
public class DocumentMetrics {

    static final int MAX_PARTNER_LABELS = 500;

    private final MeterRegistry registry;
    private final Set<String> partners = ConcurrentHashMap.newKeySet();

    public DocumentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String channel, String partner, String outcome) {
        count(channel, partner, outcome);
    }

    /** The ERP answered (accepted/rejected) or gave up (dead_lettered) {@code sinceReceipt} after intake. */
    public void settled(String channel, String partner, String outcome, Duration sinceReceipt) {
        count(channel, partner, outcome);
        Timer.builder("interchange.erp.answer")
                .description("Time from receipt of a document to the ERP's final answer")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceReceipt);
    }

    private void count(String channel, String partner, String outcome) {
        Counter.builder("interchange.documents")
                .description("Business documents by channel, partner and outcome")
                .tag("channel", channel)
                .tag("partner", partnerLabel(partner))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private String partnerLabel(String partner) {
        if (partner == null || partner.isBlank()) {
            return "unknown";
        }
        if (partners.contains(partner) || (partners.size() < MAX_PARTNER_LABELS && partners.add(partner))) {
            return partner;
        }
        return "other";
    }
}
