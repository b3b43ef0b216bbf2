package io.interchange.partner;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The registry in force. Readers (SFTP logins, the intake, the outbound responses) always see one
 * complete version; a new version replaces it whole and the listeners (partner routes, drop-box
 * folders) are told what it was and what it is.
 */
public class PartnerDirectory {

    private volatile PartnerRegistry current = PartnerRegistry.empty();
    private final List<BiConsumer<PartnerRegistry, PartnerRegistry>> listeners = new CopyOnWriteArrayList<>();

    public PartnerRegistry current() {
        return current;
    }

    public Optional<Partner> find(String partnerId) {
        return current.find(partnerId);
    }

    public Partner require(String partnerId) {
        return find(partnerId).orElseThrow(() -> new IllegalStateException("Partner '" + partnerId + "' is not in the registry"));
    }

    /** {@code listener} gets (previous, next) on every change, in registration order. */
    public void onChange(BiConsumer<PartnerRegistry, PartnerRegistry> listener) {
        listeners.add(listener);
    }

    public synchronized void replace(PartnerRegistry next) {
        PartnerRegistry previous = current;
        current = next;
        for (BiConsumer<PartnerRegistry, PartnerRegistry> listener : listeners) {
            listener.accept(previous, next);
        }
    }
}
