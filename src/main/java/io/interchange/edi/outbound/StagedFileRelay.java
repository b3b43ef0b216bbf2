package io.interchange.edi.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers partner files left staged (route {@code edi-staged-files}): their control numbers were
 * committed, and the pass that staged them stopped before they were in {@code outbound/} (a crash, a
 * killed instance, the partner's SFTP server unreachable). Only files staged longer than
 * {@code age} ago: a younger one is most likely being delivered by the pass that staged it. A file
 * delivered twice (that pass was only slow) is the same name with the same content.
 */
public class StagedFileRelay {

    private static final Logger LOG = LoggerFactory.getLogger(StagedFileRelay.class);

    private final PartnerOutbox outbox;
    private final PartnerDirectory partners;
    private final Duration age;
    private final Clock clock;

    public StagedFileRelay(PartnerOutbox outbox, PartnerDirectory partners, Duration age, Clock clock) {
        this.outbox = outbox;
        this.partners = partners;
        this.age = age;
        this.clock = clock;
    }

    /** @return how many staged files went to their partners' outbound/ */
    public int deliverOverdue() {
        int delivered = 0;
        for (PartnerOutbox.Staged staged : outbox.overdue(clock.instant().minus(age))) {
            Optional<Partner> partner = partners.find(staged.partnerId());
            if (partner.isEmpty()) {
                LOG.warn("Staged file {} of partner {} not delivered: the partner is no longer in the registry",
                        staged.document().fileName(), staged.partnerId());
                continue;
            }
            outbox.deliverStaged(partner.get(), staged.document());
            LOG.info("Partner {}: staged {} delivered to outbound/ (its pass stopped after committing its control numbers)",
                    staged.partnerId(), staged.document().fileName());
            delivered++;
        }
        return delivered;
    }
}
