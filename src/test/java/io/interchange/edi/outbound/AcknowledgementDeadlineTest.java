package io.interchange.edi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.interchange.edi.ValidationPolicy;
import io.interchange.partner.Partner;
import org.junit.jupiter.api.Test;

/** When an unanswered document counts as overdue. */
class AcknowledgementDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final AcknowledgementDeadline deadline = new AcknowledgementDeadline(Duration.ofHours(24));

    @Test
    void aPartnerWithoutItsOwnTimeGetsTheDefault() {
        Partner partner = partner(null);

        assertThat(deadline.dueAfter(partner)).isEqualTo(Duration.ofHours(24));
        assertThat(deadline.overdue(partner, sentAt("2026-11-20T11:59:59Z", null), NOW)).isTrue();
        assertThat(deadline.overdue(partner, sentAt("2026-11-20T12:00:01Z", null), NOW)).isFalse();
        assertThat(deadline.dueAt(partner, sentAt("2026-11-20T08:00:00Z", null))).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void aPartnerTimeReplacesTheDefault() {
        Partner partner = partner(Duration.ofHours(2));

        assertThat(deadline.sentBefore(partner, NOW)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(deadline.overdue(partner, sentAt("2026-11-21T09:59:00Z", null), NOW)).isTrue();
        assertThat(deadline.overdue(partner, sentAt("2026-11-21T10:30:00Z", null), NOW)).isFalse();
    }

    @Test
    void anAcknowledgedDocumentIsNeverOverdueWhateverItsVerdict() {
        Partner partner = partner(Duration.ofHours(2));

        assertThat(deadline.overdue(partner, sentAt("2026-11-01T00:00:00Z", "accepted"), NOW)).isFalse();
        assertThat(deadline.overdue(partner, sentAt("2026-11-01T00:00:00Z", "rejected"), NOW)).isFalse();
    }

    @Test
    void aZeroTimeMakesEveryUnansweredDocumentOverdueAtOnce() {
        Partner partner = partner(Duration.ZERO);

        assertThat(deadline.overdue(partner, sentAt("2026-11-21T11:59:59Z", null), NOW)).isTrue();
    }

    private static SentDocument sentAt(String at, String status) {
        return new SentDocument(1, "acme", "855", "855-5.x12", "5", "12", "34", null, Instant.parse(at), status);
    }

    private static Partner partner(Duration due) {
        return new Partner("acme", "ACME", Partner.Standard.X12, "004010", new Partner.X12Ids("ZZ", "ACMEPARTNER", "ACMEPARTNER"),
                null, null, new Partner.Mappings("acme/x12-850.jslt", null), null, 1000, ValidationPolicy.LENIENT, due);
    }
}
