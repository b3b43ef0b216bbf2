package io.interchange.edi.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.interchange.observe.PartnerGauge;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Documents we sent (855 / ORDRSP) that the partner has not acknowledged with a 997/999/CONTRL
 * within its {@link AcknowledgementDeadline}: counted per partner in the gauge
 * {@code interchange_edi_acknowledgements_overdue{partner}} (refreshed by the route
 * {@code ops-edi-overdue-acknowledgements}) and listed for the admin API. Documents sent more than
 * {@code window} ago are no longer looked at, so the queries stay bounded as the table grows.
 */
public class OverdueAcknowledgements {

    private final SentDocuments sent;
    private final PartnerDirectory partners;
    private final AcknowledgementDeadline deadline;
    private final Duration window;
    private final PartnerGauge overdue;

    public OverdueAcknowledgements(SentDocuments sent, PartnerDirectory partners, MeterRegistry meters,
            AcknowledgementDeadline deadline, Duration window) {
        this.sent = sent;
        this.partners = partners;
        this.overdue = new PartnerGauge(meters, "interchange.edi.acknowledgements.overdue",
                "Documents sent to the partner (855/ORDRSP) without its 997/999/CONTRL within the partner's acknowledgement-due time");
        this.deadline = deadline;
        this.window = window;
    }

    /** Counts again for every partner; a partner that left the registry drops to 0. */
    public Map<String, Long> refresh() {
        Instant now = Instant.now();
        Map<String, Long> shown = new HashMap<>();
        for (Partner partner : partners.current().partners()) {
            shown.put(partner.id(), sent.countUnacknowledged(partner.id(), now.minus(window),
                    deadline.sentBefore(partner, now)));
        }
        return overdue.publish(shown);
    }

    /** The overdue documents of one partner, or of all when {@code partnerId} is null, oldest first per partner. */
    public List<Overdue> list(String partnerId, int limit) {
        Instant now = Instant.now();
        List<Overdue> list = new ArrayList<>();
        for (Partner partner : partners.current().partners()) {
            if (partnerId != null && !partnerId.equals(partner.id()) || list.size() >= limit) {
                continue;
            }
            for (SentDocument document : sent.unacknowledged(partner.id(), now.minus(window),
                    deadline.sentBefore(partner, now), limit - list.size())) {
                list.add(new Overdue(document, deadline.dueAt(partner, document)));
            }
        }
        return list;
    }

    /** A document whose acknowledgement was due at {@code dueAt}. */
    public record Overdue(SentDocument document, Instant dueAt) {
    }
}
