package io.interchange.edi.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.interchange.observe.PartnerGauge;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.tracking.TrackingException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Overdue purchase-order acknowledgements: partner orders admitted more than {@code overdueAfter}
 * ago that no 855 / ORDRSP has answered yet (the ERP has not decided, the order sits in a
 * dead-letter queue, or the response could not be written), as the gauge
 * {@code interchange_edi_order_responses_overdue{partner}} for every partner with an order-response
 * mapping. Refreshed by the route {@code ops-edi-overdue-order-responses}; orders older than
 * {@code window} are no longer counted, so the query stays bounded as the tables grow.
 */
public class OverdueOrderResponses {

    private final DataSource dataSource;
    private final PartnerDirectory partners;
    private final Duration overdueAfter;
    private final Duration window;
    private final PartnerGauge overdue;

    public OverdueOrderResponses(DataSource dataSource, PartnerDirectory partners, MeterRegistry meters,
            Duration overdueAfter, Duration window) {
        this.dataSource = dataSource;
        this.partners = partners;
        this.overdue = new PartnerGauge(meters, "interchange.edi.order.responses.overdue",
                "Partner orders not answered by an 855/ORDRSP within the configured time");
        this.overdueAfter = overdueAfter;
        this.window = window;
    }

    /** Counts again; a partner that left the registry or lost its response mapping drops to 0. */
    public Map<String, Long> refresh() {
        return overdue.publish(current());
    }

    /** Per partner with an order-response mapping, its overdue orders now (0 for none). */
    public Map<String, Long> current() {
        Instant now = Instant.now();
        Map<String, Long> counts = count(now.minus(window), now.minus(overdueAfter));
        Map<String, Long> shown = new TreeMap<>();
        for (Partner partner : partners.current().partners()) {
            if (partner.mappings().orderResponse() != null) {
                shown.put(partner.id(), counts.getOrDefault(partner.id(), 0L));
            }
        }
        return shown;
    }

    /** How long after its admission an unanswered order counts as overdue. */
    public Duration overdueAfter() {
        return overdueAfter;
    }

    private Map<String, Long> count(Instant from, Instant before) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select t.partner_id, count(distinct t.document_id) from edi_transaction t
                        where t.state = 'admitted' and t.received_at >= ? and t.received_at < ?
                            and not exists (select 1 from document_event e
                                where e.document_id = t.document_id and e.step = 'order-response-sent')
                        group by t.partner_id""")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(before));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot count overdue order responses", e);
        }
        return counts;
    }
}
