package io.interchange.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One valid version of the partner registry; immutable, replaced as a whole when the file changes. */
public final class PartnerRegistry {

    private final OwnIdentity own;
    private final Map<String, Partner> byId = new LinkedHashMap<>();
    private final Map<String, Partner> bySender = new LinkedHashMap<>();

    public PartnerRegistry(OwnIdentity own, List<Partner> partners) {
        this.own = own;
        for (Partner partner : partners) {
            byId.put(partner.id(), partner);
            bySender.put(partner.senderKey(), partner);
        }
    }

    public static PartnerRegistry empty() {
        return new PartnerRegistry(new OwnIdentity("ZZ", "INTERCHANGE", "INTERCHANGE", "INTERCHANGE", "14"), List.of());
    }

    public OwnIdentity own() {
        return own;
    }

    public List<Partner> partners() {
        return List.copyOf(byId.values());
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The partner that sends as {@code qualifier:id} (X12) or {@code id:qualifier} (EDIFACT). */
    public Optional<Partner> bySender(String senderKey) {
        return Optional.ofNullable(bySender.get(senderKey));
    }
}
