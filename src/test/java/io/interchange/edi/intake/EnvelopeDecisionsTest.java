package io.interchange.edi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.interchange.edi.Delimiters;
import io.interchange.edi.EdiStandard;
import io.interchange.edi.EnvelopeError;
import io.interchange.edi.InterchangeHeader;
import io.interchange.edi.ValidationPolicy;
import io.interchange.partner.OwnIdentity;
import io.interchange.partner.Partner;
import org.junit.jupiter.api.Test;

/** Who an interchange is for, who it is from, and what becomes of each transaction set. */
class EnvelopeDecisionsTest {

    private static final OwnIdentity OWN = new OwnIdentity("ZZ", "INTERCHANGE", "INTERCHANGE", "INTERCHANGE", "14");
    private final OwnReceivers receivers = OwnReceivers.of("01:123456789, 12:5551234567", "4012345000009").with(OWN);

    @Test
    void x12ReceiverMustBeOneOfOurQualifierIdPairs() {
        assertThat(receivers.check(x12("ZZ", "INTERCHANGE"))).isEmpty();
        assertThat(receivers.check(x12("01", "123456789"))).as("an id of the environment").isEmpty();
        assertThat(receivers.check(x12("ZZ", "SOMEONEELSE"))).contains(EnvelopeError.INTERCHANGE_RECEIVER_UNKNOWN);
        assertThat(receivers.check(x12("01", "INTERCHANGE"))).as("our id under another qualifier")
                .contains(EnvelopeError.INTERCHANGE_RECEIVER_QUALIFIER_INVALID);
        assertThat(EnvelopeError.INTERCHANGE_RECEIVER_UNKNOWN.x12()).isEqualTo("008");
        assertThat(EnvelopeError.INTERCHANGE_RECEIVER_QUALIFIER_INVALID.x12()).isEqualTo("007");
    }

    @Test
    void edifactReceiverMatchesByIdAndQualifierOrByIdAloneWhenConfiguredSo() {
        assertThat(receivers.check(edifact("INTERCHANGE", "14"))).isEmpty();
        assertThat(receivers.check(edifact("4012345000009", "14"))).as("configured without qualifier: any").isEmpty();
        assertThat(receivers.check(edifact("4012345000009", ""))).isEmpty();
        assertThat(receivers.check(edifact("INTERCHANGE", "ZZZ"))).contains(EnvelopeError.INTERCHANGE_RECEIVER_QUALIFIER_INVALID);
        assertThat(receivers.check(edifact("SOMEONEELSE", "14"))).contains(EnvelopeError.INTERCHANGE_RECEIVER_UNKNOWN);
        assertThat(EnvelopeError.INTERCHANGE_RECEIVER_UNKNOWN.edifact()).as("7: recipient not actual recipient").isEqualTo("7");
    }

    @Test
    void onlyTheRegistryIdentityWhenNothingIsConfigured() {
        OwnReceivers plain = OwnReceivers.of("", " ").with(OWN);
        assertThat(plain.x12()).containsExactly("ZZ:INTERCHANGE");
        assertThat(plain.edifact()).containsExactly("INTERCHANGE:14");
    }

    @Test
    void edifactSenderWithoutQualifierHasTheSameKeyAsItsRegistryEntry() {
        Partner noQualifier = new Partner("globex-nq", "GLOBEX NQ", Partner.Standard.EDIFACT, "D96A", null,
                new Partner.EdifactIds("GLOBEXNQ", null), null, null, null, 1, ValidationPolicy.LENIENT, null);
        assertThat(noQualifier.senderKey()).isEqualTo("GLOBEXNQ");
        assertThat(Partner.senderKey("", "GLOBEXNQ", false)).isEqualTo(noQualifier.senderKey());
        assertThat(Partner.senderKey(null, "GLOBEXNQ", false)).isEqualTo(noQualifier.senderKey());
        assertThat(Partner.senderKey("14", "GLOBEXEU", false)).isEqualTo("GLOBEXEU:14");
        assertThat(Partner.senderKey("ZZ", "ACMEPARTNER", true)).isEqualTo("ZZ:ACMEPARTNER");
    }

    @Test
    void transactionSetsAreDispatchedToOrdersAcknowledgementsOrRejection() {
        assertThat(InboundSet.of(EdiStandard.X12, "850")).isEqualTo(InboundSet.ORDER);
        assertThat(InboundSet.of(EdiStandard.EDIFACT, "ORDERS")).isEqualTo(InboundSet.ORDER);
        assertThat(InboundSet.of(EdiStandard.X12, "997")).isEqualTo(InboundSet.ACKNOWLEDGEMENT);
        assertThat(InboundSet.of(EdiStandard.X12, "999")).isEqualTo(InboundSet.ACKNOWLEDGEMENT);
        assertThat(InboundSet.of(EdiStandard.EDIFACT, "CONTRL")).isEqualTo(InboundSet.ACKNOWLEDGEMENT);
        assertThat(InboundSet.of(EdiStandard.X12, "855")).isEqualTo(InboundSet.NOT_SUPPORTED);
        assertThat(InboundSet.of(EdiStandard.X12, "810")).isEqualTo(InboundSet.NOT_SUPPORTED);
        assertThat(InboundSet.of(EdiStandard.EDIFACT, "ORDRSP")).isEqualTo(InboundSet.NOT_SUPPORTED);
        assertThat(InboundSet.of(EdiStandard.X12, "ORDERS")).as("an EDIFACT name in X12").isEqualTo(InboundSet.NOT_SUPPORTED);
    }

    @Test
    void fallbackDelimitersAreThePartnersDeclaredOnesElseTheStandardsDefaults() {
        assertThat(FallbackDelimiters.of(partnerWithDelimiters(null), EdiStandard.X12)).isEqualTo(Delimiters.x12());
        assertThat(FallbackDelimiters.of(partnerWithDelimiters(null), EdiStandard.EDIFACT)).isEqualTo(Delimiters.edifact());
        assertThat(FallbackDelimiters.of(partnerWithDelimiters("|:^'"), EdiStandard.X12))
                .isEqualTo(new Delimiters('\'', '|', ':', '^', null, '.'));
        assertThat(FallbackDelimiters.of(partnerWithDelimiters("+:?!"), EdiStandard.EDIFACT))
                .isEqualTo(new Delimiters('!', '+', ':', null, '?', '.'));
    }

    private static Partner partnerWithDelimiters(String delimiters) {
        return new Partner("p", "P", Partner.Standard.X12, "004010", new Partner.X12Ids("ZZ", "P", "P"), null, null, null,
                new Partner.AckPolicy("997", false, Partner.DuplicatePolicy.TA1, delimiters), 1, ValidationPolicy.LENIENT, null);
    }

    private static InterchangeHeader x12(String qualifier, String id) {
        return new InterchangeHeader(EdiStandard.X12, null, "00401", "ZZ", "ACMEPARTNER", qualifier, id, "000000001",
                "261120", "1230", "P", false, Delimiters.x12());
    }

    private static InterchangeHeader edifact(String id, String qualifier) {
        return new InterchangeHeader(EdiStandard.EDIFACT, "UNOC", "3", "14", "GLOBEXEU", qualifier, id, "1",
                "261120", "1230", null, false, Delimiters.edifact());
    }
}
