package io.interchange.edi.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.EdiStandard;
import io.interchange.edi.EdiTransaction;
import org.junit.jupiter.api.Test;

/** Partner acknowledgements as they arrive, read through the EDI reader, with and without a schema for their version. */
class PartnerAcknowledgementReaderTest {

    private final PartnerAcknowledgementReader reader = new PartnerAcknowledgementReader();

    @Test
    void x12997WithASchemaNamesOurGroupAndEachTransactionWithItsAk5() {
        PartnerAcknowledgement ack = read("""
                ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261121*0900*U*00401*000000501*0*P*>~
                GS*FA*ACMEPARTNER*INTERCHANGE*20261121*0900*501*X*004010~
                ST*997*0001~
                AK1*PR*12~
                AK2*855*34~
                AK5*A~
                AK2*855*35~
                AK5*R*5~
                AK9*P*2*2*1~
                SE*8*0001~
                GE*1*501~
                IEA*1*000000501~
                """);

        assertThat(ack.standard()).isEqualTo(EdiStandard.X12);
        assertThat(ack.type()).isEqualTo("997");
        assertThat(ack.controlNumber()).isEqualTo("0001");
        assertThat(ack.functionalId()).isEqualTo("PR");
        assertThat(ack.reference()).isEqualTo("12");
        assertThat(ack.overall()).isEqualTo(AcknowledgementStatus.ACCEPTED_WITH_ERRORS);
        assertThat(ack.overallCodes()).isEqualTo("AK9 P");
        assertThat(ack.transactions()).containsExactly(
                new PartnerAcknowledgement.Transaction("855", "34", AcknowledgementStatus.ACCEPTED, "AK5 A"),
                new PartnerAcknowledgement.Transaction("855", "35", AcknowledgementStatus.REJECTED, "AK5 R 5"));
    }

    @Test
    void x12997OfAVersionWithoutSchemaIsReadFromItsFlatSegments() {
        PartnerAcknowledgement ack = read("""
                ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261121*0900*U*00301*000000502*0*P*>~
                GS*FA*ACMEPARTNER*INTERCHANGE*261121*0900*502*X*003010~
                ST*997*0002~
                AK1*PR*000000012~
                AK2*855*0034~
                AK5*E*5~
                AK2*855*0035~
                AK5*A~
                AK9*A*2*2*2~
                SE*8*0002~
                GE*1*502~
                IEA*1*000000502~
                """);

        assertThat(ack.reference()).isEqualTo("000000012");
        assertThat(ack.overall()).isEqualTo(AcknowledgementStatus.ACCEPTED);
        assertThat(ack.transactions()).containsExactly(
                new PartnerAcknowledgement.Transaction("855", "0034", AcknowledgementStatus.ACCEPTED_WITH_ERRORS, "AK5 E 5"),
                new PartnerAcknowledgement.Transaction("855", "0035", AcknowledgementStatus.ACCEPTED, "AK5 A"));
    }

    @Test
    void x12999CarriesItsVerdictsInIk5() {
        PartnerAcknowledgement ack = read("""
                ISA*00*          *00*          *ZZ*GLOBEXUS       *ZZ*INTERCHANGE    *261121*0900*^*00501*000000503*0*P*>~
                GS*FA*GLOBEXUS*INTERCHANGE*20261121*0900*503*X*005010X231A1~
                ST*999*0003*005010X231A1~
                AK1*PR*7*005010~
                AK2*855*9~
                IK5*R*I5~
                AK9*R*1*1*0~
                SE*6*0003~
                GE*1*503~
                IEA*1*000000503~
                """);

        assertThat(ack.type()).isEqualTo("999");
        assertThat(ack.reference()).isEqualTo("7");
        assertThat(ack.overall()).isEqualTo(AcknowledgementStatus.REJECTED);
        assertThat(ack.transactions()).containsExactly(
                new PartnerAcknowledgement.Transaction("855", "9", AcknowledgementStatus.REJECTED, "IK5 R I5"));
    }

    @Test
    void contrlNamesOurInterchangeAndEachMessage() {
        PartnerAcknowledgement ack = read("""
                UNA:+.? '
                UNB+UNOC:3+GLOBEXEU:14+INTERCHANGE:14+261121:0900+77'
                UNH+1+CONTRL:D:3:UN'
                UCI+42+INTERCHANGE:14+GLOBEXEU:14+7'
                UCM+43+ORDRSP:D:96A:UN+7'
                UCM+44+ORDRSP:D:96A:UN+4+13'
                UNT+5+1'
                UNZ+1+77'
                """);

        assertThat(ack.standard()).isEqualTo(EdiStandard.EDIFACT);
        assertThat(ack.type()).isEqualTo("CONTRL");
        assertThat(ack.reference()).isEqualTo("42");
        assertThat(ack.overall()).isEqualTo(AcknowledgementStatus.ACCEPTED);
        assertThat(ack.overallCodes()).isEqualTo("UCI 7");
        assertThat(ack.transactions()).containsExactly(
                new PartnerAcknowledgement.Transaction("ORDRSP", "43", AcknowledgementStatus.ACCEPTED, "UCM 7"),
                new PartnerAcknowledgement.Transaction("ORDRSP", "44", AcknowledgementStatus.REJECTED, "UCM 4 error 13"));
    }

    @Test
    void contrlThatOnlyConfirmsReceiptOfTheInterchangeNamesNoMessage() {
        PartnerAcknowledgement ack = read("""
                UNB+UNOA:2+GLOBEXEU:14+INTERCHANGE:14+261121:0900+78'
                UNH+1+CONTRL:2:2:UN'
                UCI+0000042+INTERCHANGE:14+GLOBEXEU:14+8'
                UNT+3+1'
                UNZ+1+78'
                """);

        assertThat(ack.reference()).isEqualTo("0000042");
        assertThat(ack.overall()).isEqualTo(AcknowledgementStatus.RECEIVED);
        assertThat(ack.transactions()).isEmpty();
    }

    @Test
    void onlyAcknowledgementSetsAreTakenForAcknowledgementsAndOnlyGroupsOfThemGoUnanswered() {
        assertThat(PartnerAcknowledgements.handles("997")).isTrue();
        assertThat(PartnerAcknowledgements.handles("999")).isTrue();
        assertThat(PartnerAcknowledgements.handles("CONTRL")).isTrue();
        assertThat(PartnerAcknowledgements.handles("850")).isFalse();
        assertThat(PartnerAcknowledgements.handles("ORDERS")).isFalse();
        assertThat(PartnerAcknowledgements.answersNothing(List.of("997", "997"))).isTrue();
        assertThat(PartnerAcknowledgements.answersNothing(List.of("997", "850"))).isFalse();
        assertThat(PartnerAcknowledgements.answersNothing(List.of())).isFalse();
    }

    @Test
    void statusCodesOfBothStandards() {
        assertThat(AcknowledgementStatus.ofX12("A")).isEqualTo(AcknowledgementStatus.ACCEPTED);
        assertThat(AcknowledgementStatus.ofX12("E")).isEqualTo(AcknowledgementStatus.ACCEPTED_WITH_ERRORS);
        assertThat(AcknowledgementStatus.ofX12("P")).isEqualTo(AcknowledgementStatus.ACCEPTED_WITH_ERRORS);
        for (String rejected : List.of("R", "M", "W", "X")) {
            assertThat(AcknowledgementStatus.ofX12(rejected)).as(rejected).isEqualTo(AcknowledgementStatus.REJECTED);
        }
        assertThat(AcknowledgementStatus.ofX12(null)).isEqualTo(AcknowledgementStatus.REJECTED);
        assertThat(AcknowledgementStatus.ofEdifact("7", false)).isEqualTo(AcknowledgementStatus.ACCEPTED);
        assertThat(AcknowledgementStatus.ofEdifact("7", true)).isEqualTo(AcknowledgementStatus.ACCEPTED_WITH_ERRORS);
        assertThat(AcknowledgementStatus.ofEdifact("4", false)).isEqualTo(AcknowledgementStatus.REJECTED);
        assertThat(AcknowledgementStatus.ofEdifact("8", false)).isEqualTo(AcknowledgementStatus.RECEIVED);
        assertThat(AcknowledgementStatus.REJECTED.outcome()).isEqualTo("rejected");
        assertThat(AcknowledgementStatus.ACCEPTED_WITH_ERRORS.outcome()).isEqualTo("ok");
    }

    private PartnerAcknowledgement read(String edi) {
        List<EdiTransaction> transactions = new ArrayList<>();
        new EdiInterchangeReader().read(new ByteArrayInputStream(edi.replace("\n", "").getBytes(StandardCharsets.ISO_8859_1)),
                transactions::add);
        assertThat(transactions).hasSize(1);
        return reader.read(transactions.get(0));
    }
}
