package io.interchange.edi.intake;

import java.util.Set;

import io.interchange.edi.EdiStandard;

/**
 * What Interchange does with an inbound transaction set: orders become canonical orders,
 * functional acknowledgements of what we sent are taken in, anything else (an 855, an 810 sent
 * to the wrong mailbox) is rejected in the acknowledgement as not supported (AK5 R 1, UCM 4),
 * never pushed through the order mapping.
 */
public enum InboundSet {
    ORDER, ACKNOWLEDGEMENT, NOT_SUPPORTED;

    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("997", "999", "CONTRL");

    public static InboundSet of(EdiStandard standard, String setId) {
        if (standard == EdiStandard.X12 ? "850".equals(setId) : "ORDERS".equals(setId)) {
            return ORDER;
        }
        return ACKNOWLEDGEMENTS.contains(setId) ? ACKNOWLEDGEMENT : NOT_SUPPORTED;
    }
}
