package io.interchange.edi.intake;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.EnvelopeError;
import io.interchange.edi.InterchangeHeader;
import io.interchange.partner.OwnIdentity;

/**
 * The receiver ids an inbound interchange may be addressed to: the registry's own identity
 * ({@code interchange:} in {@code partners.yaml}, also the sender of what we write) plus the ids
 * of the environment ({@code interchange.edi.own.x12-ids}, {@code interchange.edi.own.edifact-ids}:
 * a company often has a DUNS and a mutually defined id, a test and a production id).
 * An interchange for anyone else was misrouted by a VAN or a partner's set-up and is rejected.
 *
 * @param x12     {@code qualifier:id} pairs (ISA07:ISA08)
 * @param edifact {@code id} (any qualifier) or {@code id:qualifier} (UNB S003)
 */
public record OwnReceivers(Set<String> x12, Set<String> edifact) {

    public OwnReceivers {
        x12 = Set.copyOf(x12);
        edifact = Set.copyOf(edifact);
    }

    /** From comma-separated property values; blanks ignored. */
    public static OwnReceivers of(String x12Ids, String edifactIds) {
        return new OwnReceivers(list(x12Ids), list(edifactIds));
    }

    /** These plus the registry's own identity. */
    public OwnReceivers with(OwnIdentity own) {
        Set<String> moreX12 = new LinkedHashSet<>(x12);
        moreX12.add(own.x12Qualifier() + ":" + own.x12Id());
        Set<String> moreEdifact = new LinkedHashSet<>(edifact);
        moreEdifact.add(own.edifactQualifier() == null ? own.edifactId() : own.edifactId() + ":" + own.edifactQualifier());
        return new OwnReceivers(moreX12, moreEdifact);
    }

    /**
     * Empty if the interchange is addressed to us. X12: TA1 007 when the id is ours under another
     * qualifier, 008 when the id is not ours at all; EDIFACT has one code for both (7).
     */
    public Optional<EnvelopeError> check(InterchangeHeader header) {
        String id = header.receiverId();
        String qualifier = header.receiverQualifier() == null ? "" : header.receiverQualifier();
        Set<String> ours = header.standard() == EdiStandard.X12 ? x12 : edifact;
        boolean exact = header.standard() == EdiStandard.X12 ? ours.contains(qualifier + ":" + id)
                : ours.contains(id) || ours.contains(id + ":" + qualifier);
        if (exact) {
            return Optional.empty();
        }
        boolean idIsOurs = ours.stream().anyMatch(known -> idOf(known, header.standard()).equals(id));
        return Optional.of(idIsOurs ? EnvelopeError.INTERCHANGE_RECEIVER_QUALIFIER_INVALID
                : EnvelopeError.INTERCHANGE_RECEIVER_UNKNOWN);
    }

    private static String idOf(String known, EdiStandard standard) {
        int colon = standard == EdiStandard.X12 ? known.indexOf(':') : known.lastIndexOf(':');
        if (colon < 0) {
            return known;
        }
        return standard == EdiStandard.X12 ? known.substring(colon + 1) : known.substring(0, colon);
    }

    private static Set<String> list(String csv) {
        if (csv == null) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
