package io.interchange.edi.intake;

import io.interchange.edi.Delimiters;
import io.interchange.edi.EdiStandard;
import io.interchange.partner.Partner;

/**
 * The delimiters an acknowledgement is written with when the partner's own cannot be reused by
 * the writer (StAEDI refuses, say, a repetition separator that is also in the data echoed back):
 * the partner's declared {@code acknowledgements.delimiters}, else the standard's defaults.
 */
final class FallbackDelimiters {

    private FallbackDelimiters() {
    }

    static Delimiters of(Partner partner, EdiStandard standard) {
        String declared = partner.acknowledgements().fallbackDelimiters();
        if (declared == null) {
            return Delimiters.defaults(standard);
        }
        char element = declared.charAt(0);
        char component = declared.charAt(1);
        char segment = declared.charAt(3);
        return standard == EdiStandard.X12
                ? new Delimiters(segment, element, component, declared.charAt(2), null, '.')
                : new Delimiters(segment, element, component, null, declared.charAt(2), '.');
    }
}
