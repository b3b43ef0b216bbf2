package io.interchange.edi.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * EDI intake metrics at {@code /observe/metrics}: {@code interchange_edi_files_total{partner,outcome}}
 * (archived, refused, retry), {@code interchange_edi_transactions_total{partner,outcome}} (admitted,
 * duplicate, rejected, test, acknowledgement; counted once per answered file, however often it was
 * tried) and {@code interchange_edi_duplicate_interchanges_total{partner}}. Partner
 * ids come from the registry, so their number is bounded by it.
 */
public class EdiMetrics {

    private final MeterRegistry registry;

    public EdiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void file(String partner, String outcome) {
        Counter.builder("interchange.edi.files").description("Partner files by outcome")
                .tag("partner", partner).tag("outcome", outcome).register(registry).increment();
    }

    public void transactions(String partner, String outcome, int count) {
        Counter.builder("interchange.edi.transactions").description("Inbound EDI transactions by outcome")
                .tag("partner", partner).tag("outcome", outcome).register(registry).increment(count);
    }

    public void duplicateInterchange(String partner) {
        Counter.builder("interchange.edi.duplicate.interchanges")
                .description("Inbound interchanges not processed again because their control number was seen before")
                .tag("partner", partner).register(registry).increment();
    }
}
