package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdiInterchangeReaderTest {

    @Test
    void acmeSingleOrderIsDeliveredWithEnvelopeFactsAndThreeLines() {
        Collected read = Samples.read("x12/acme-850-004010-single.edi");

        assertThat(read.transactions).hasSize(1);
        EdiTransaction order = read.transaction(0);
        assertThat(order.valid()).isTrue();
        assertThat(order.setId()).isEqualTo("850");
        assertThat(order.controlNumber()).isEqualTo("0001");
        assertThat(order.outcome().version()).isEqualTo("004010");

        InterchangeHeader interchange = order.envelope().interchange();
        assertThat(interchange.standard()).isEqualTo(EdiStandard.X12);
        assertThat(interchange.version()).isEqualTo("00401");
        assertThat(interchange.senderQualifier()).isEqualTo("ZZ");
        assertThat(interchange.senderId()).isEqualTo("ACMEPARTNER");
        assertThat(interchange.receiverQualifier()).isEqualTo("ZZ");
        assertThat(interchange.receiverId()).isEqualTo("INTERCHANGE");
        assertThat(interchange.controlNumber()).isEqualTo("000000101");
        assertThat(interchange.date()).isEqualTo("261120");
        assertThat(interchange.time()).isEqualTo("1230");
        assertThat(interchange.isTest()).isFalse();
        assertThat(interchange.delimiters()).isEqualTo(new Delimiters('~', '*', '>', null, null, '.'));

        GroupHeader group = order.envelope().group();
        assertThat(group.functionalId()).isEqualTo("PO");
        assertThat(group.applicationSender()).isEqualTo("ACMEPARTNER");
        assertThat(group.applicationReceiver()).isEqualTo("INTERCHANGE");
        assertThat(group.controlNumber()).isEqualTo("101");
        assertThat(group.version()).isEqualTo("004010");

        JsonNode tree = order.tree();
        assertThat(tree.at("/BEG/BEG03").asText()).isEqualTo("PO-4711");
        assertThat(tree.at("/BEG/BEG05").asText()).isEqualTo("20261120");
        assertThat(tree.get("BEG").has("BEG04")).as("empty elements are left out").isFalse();
        assertThat(tree.get("REF").isArray()).as("REF may repeat, so it is an array even once").isTrue();
        assertThat(tree.at("/REF/0/REF02").asText()).isEqualTo("038");
        assertThat(tree.at("/N1Loop/0/N1/N102").asText()).isEqualTo("ACME STORE 12");
        assertThat(tree.at("/N1Loop/0/N3/0/N301").asText()).isEqualTo("100 MAIN ST");
        assertThat(tree.at("/N1Loop/0/N4/0/N402").asText()).isEqualTo("IL");
        assertThat(tree.get("PO1Loop")).hasSize(3);
        assertThat(tree.at("/PO1Loop/0/PO1/PO107").asText()).isEqualTo("WIDGET-RED");
        assertThat(tree.at("/PO1Loop/0/PO1/PO109").asText()).isEqualTo("012345678905");
        assertThat(tree.at("/PO1Loop/0/PIDLoop/0/PID/PID05").asText()).isEqualTo("RED WIDGET");
        assertThat(tree.at("/PO1Loop/2/PO1/PO104").asText()).isEqualTo("199.99");
        assertThat(tree.at("/PO1Loop/2").has("PIDLoop")).isFalse();
        assertThat(tree.at("/CTT/CTT01").asText()).isEqualTo("3");

        assertThat(read.groups).singleElement().satisfies(g -> {
            assertThat(g.problems()).isEmpty();
            assertThat(g.transactions()).extracting(TransactionOutcome::controlNumber).containsExactly("0001");
        });
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        assertThat(read.summary).isEqualTo(new ReadSummary(EdiStandard.X12, 1, 1, 1));
    }

    @Test
    void threeOrdersInOneGroupAreDeliveredInFileOrder() {
        Collected read = Samples.read("x12/acme-850-004010-three-orders.edi");

        assertThat(read.transactions).extracting(EdiTransaction::controlNumber)
                .containsExactly("0001", "0002", "0003");
        assertThat(read.transactions).extracting(t -> t.tree().at("/BEG/BEG03").asText())
                .containsExactly("PO-5001", "PO-5002", "PO-5003");
        assertThat(read.transactions).extracting(t -> t.tree().get("PO1Loop").size()).containsExactly(2, 1, 3);
        assertThat(read.transactions).allMatch(EdiTransaction::valid);
        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.validCount()).isEqualTo(3));
    }

    @Test
    void globexTwoInterchangesOnOneLineUseTheDeclaredDelimitersAndRepetitionSeparator() {
        Collected read = Samples.read("x12/globex-850-005010-two-interchanges-one-line.edi");

        assertThat(read.interchanges).hasSize(2);
        assertThat(read.groups).hasSize(2);
        assertThat(read.transactions).extracting(t -> t.tree().at("/BEG/BEG03").asText())
                .containsExactly("GX-PO-88", "GX-PO-89");
        assertThat(read.transactions).extracting(t -> t.envelope().interchange().controlNumber())
                .containsExactly("000007001", "000007002");
        assertThat(read.transactions).extracting(t -> t.envelope().group().controlNumber())
                .containsExactly("7001", "7002");
        assertThat(read.transactions).allMatch(EdiTransaction::valid);

        EdiTransaction first = read.transaction(0);
        InterchangeHeader header = first.envelope().interchange();
        assertThat(header.version()).isEqualTo("00501");
        assertThat(header.senderId()).isEqualTo("GLOBEXUS");
        assertThat(header.isTest()).isFalse();
        assertThat(header.ackRequested()).isTrue();
        assertThat(header.delimiters()).isEqualTo(new Delimiters('~', '|', ':', '^', null, '.'));
        assertThat(first.outcome().version()).isEqualTo("005010");
        assertThat(first.tree().at("/CUR/CUR02").asText()).isEqualTo("USD");
        assertThat(first.tree().at("/N1Loop/0/N1/N101").asText()).isEqualTo("BT");
        assertThat(first.tree().at("/PO1Loop/0/PO1/PO109").asText()).isEqualTo("CU-2M");
        assertThat(first.tree().at("/CTT/CTT01").asText()).isEqualTo("2");
    }

    @Test
    void edifactOrderWithUnaHasCompositesAsObjectsKeyedByComponentPosition() {
        Collected read = Samples.read("edifact/globex-orders-d96a-una.edi");

        EdiTransaction order = read.transactions.get(0);
        assertThat(order.valid()).isTrue();
        assertThat(order.setId()).isEqualTo("ORDERS");
        assertThat(order.controlNumber()).isEqualTo("1");
        assertThat(order.outcome().version()).isEqualTo("D:96A:UN");
        assertThat(order.envelope().hasGroup()).isFalse();

        InterchangeHeader header = order.envelope().interchange();
        assertThat(header.standard()).isEqualTo(EdiStandard.EDIFACT);
        assertThat(header.syntaxIdentifier()).isEqualTo("UNOC");
        assertThat(header.version()).isEqualTo("3");
        assertThat(header.senderId()).isEqualTo("GLOBEXEU");
        assertThat(header.senderQualifier()).isEqualTo("14");
        assertThat(header.receiverId()).isEqualTo("INTERCHANGE");
        assertThat(header.controlNumber()).isEqualTo("GX0001");
        assertThat(header.date()).isEqualTo("261120");
        assertThat(header.delimiters()).isEqualTo(new Delimiters('\'', '+', ':', null, '?', '.'));

        JsonNode tree = order.tree();
        assertThat(tree.at("/BGM/BGM01/BGM0101").asText()).isEqualTo("220");
        assertThat(tree.at("/BGM/BGM02").asText()).isEqualTo("PO-9001");
        assertThat(tree.at("/DTM/0/DTM01/DTM0102").asText()).isEqualTo("20261120");
        assertThat(tree.at("/DTM/1/DTM01/DTM0101").asText()).isEqualTo("2");
        assertThat(tree.at("/NADLoop/0/NAD/NAD01").asText()).isEqualTo("BY");
        assertThat(tree.at("/NADLoop/0/NAD/NAD02/NAD0201").asText()).isEqualTo("5412345000013");
        assertThat(tree.at("/NADLoop/0/NAD/NAD02").has("NAD0202")).isFalse();
        assertThat(tree.at("/NADLoop/0/NAD/NAD02/NAD0203").asText()).isEqualTo("9");
        assertThat(tree.at("/CUXLoop/0/CUX/CUX01/CUX0102").asText()).isEqualTo("EUR");
        assertThat(tree.get("LINLoop")).hasSize(2);
        assertThat(tree.at("/LINLoop/0/LIN/LIN03/LIN0301").asText()).isEqualTo("4000862141404");
        assertThat(tree.at("/LINLoop/0/QTY/0/QTY01/QTY0102").asText()).isEqualTo("48");
        assertThat(tree.at("/LINLoop/1/PRILoop/0/PRI/PRI01/PRI0102").asText()).isEqualTo("27.95");
        assertThat(tree.at("/UNS/UNS01").asText()).isEqualTo("S");
        assertThat(tree.at("/CNT/0/CNT01/CNT0102").asText()).isEqualTo("2");

        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.envelope().group()).isNull());
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
    }

    @Test
    void edifactWithoutUnaDeliversBothMessagesWithDefaultDelimiters() {
        Collected read = Samples.read("edifact/globex-orders-d96a-no-una-two-messages.edi");

        assertThat(read.transactions).extracting(EdiTransaction::controlNumber).containsExactly("1", "2");
        assertThat(read.transactions).extracting(t -> t.tree().at("/BGM/BGM02").asText())
                .containsExactly("PO-9002", "PO-9003");
        assertThat(read.transactions).extracting(t -> t.tree().get("LINLoop").size()).containsExactly(1, 2);
        assertThat(read.transactions).allMatch(EdiTransaction::valid);
        assertThat(read.transaction(0).envelope().interchange().syntaxIdentifier()).isEqualTo("UNOA");
        assertThat(read.transaction(0).envelope().interchange().version()).isEqualTo("2");
        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.received()).isEqualTo(2));
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
    }

    @Test
    void badTrailersReportTheSegmentCountOnTheTransactionAndTheGroupCountOnTheInterchange() {
        Collected read = Samples.read("x12/acme-850-004010-bad-trailers.edi");

        EdiTransaction order = read.transaction(0);
        assertThat(order.valid()).isFalse();
        assertThat(order.problems()).isEmpty();
        assertThat(order.envelopeProblems()).containsExactly(new EnvelopeProblem(
                EnvelopeError.TRANSACTION_SEGMENT_COUNT_MISMATCH, "SE", 1, "13"));
        assertThat(order.tree().at("/BEG/BEG03").asText()).isEqualTo("PO-4711");

        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.problems()).isEmpty());
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.problems()).containsExactly(
                new EnvelopeProblem(EnvelopeError.INTERCHANGE_GROUP_COUNT_MISMATCH, "IEA", 1, "2")));
    }

    @Test
    void transactionWithoutItsBegIsReportedWhileTheOtherTwoAreValid() {
        Collected read = Samples.read("x12/acme-850-004010-one-bad-transaction.edi");

        assertThat(read.transactions).extracting(EdiTransaction::controlNumber).containsExactly("0001", "0002", "0003");
        assertThat(read.transactions).extracting(EdiTransaction::valid).containsExactly(true, false, true);
        assertThat(read.transaction(1).problems()).containsExactly(new ValidationProblem(
                "BEG", 2, null, 0, 0, 0, null, null, AckCode.MANDATORY_SEGMENT_MISSING));
        assertThat(read.transaction(1).envelopeProblems()).isEmpty();
        assertThat(read.transaction(2).tree().at("/BEG/BEG03").asText()).isEqualTo("PO-5003");
        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.validCount()).isEqualTo(2));
    }

    @Test
    void wrongUntCountRejectsTheMessage() {
        Collected read = Samples.read("edifact/globex-orders-d96a-bad-unt-count.edi");

        EdiTransaction order = read.transaction(0);
        assertThat(order.valid()).isFalse();
        assertThat(order.envelopeProblems()).containsExactly(new EnvelopeProblem(
                EnvelopeError.TRANSACTION_SEGMENT_COUNT_MISMATCH, "UNT", 1, "15"));
        assertThat(order.tree().at("/BGM/BGM02").asText()).isEqualTo("PO-9001");
    }

    @Test
    void unsupportedTransactionSetIsRejectedAndTheOthersAreStillDelivered() {
        Collected read = Samples.read("x12/acme-850-and-810-004010.edi");

        assertThat(read.transactions).extracting(EdiTransaction::setId).containsExactly("850", "810", "850");
        assertThat(read.transaction(0).valid()).isTrue();
        EdiTransaction invoice = read.transaction(1);
        assertThat(invoice.outcome().supported()).isFalse();
        assertThat(invoice.envelopeProblems()).extracting(EnvelopeProblem::error)
                .containsExactly(EnvelopeError.TRANSACTION_NOT_SUPPORTED);
        assertThat(EnvelopeError.TRANSACTION_NOT_SUPPORTED.x12()).isEqualTo("1");
        assertThat(read.transaction(0).envelope().interchange().isTest()).isTrue();
    }

    @Test
    void elementErrorsCarryTheirPositionsReferenceAndBadData() {
        Collected read = Samples.read("x12/acme-850-and-810-004010.edi");

        EdiTransaction order = read.transaction(2);
        assertThat(order.problems()).containsExactly(
                new ValidationProblem("REF", 3, null, 2, 0, 0, "127",
                        "0000000000000000000000000000000000000000000000000000000000000099", AckCode.DATA_ELEMENT_TOO_LONG),
                new ValidationProblem("PO1", 5, "PO1", 4, 0, 0, "212", "TEN", AckCode.INVALID_CHARACTER));
        assertThat(AckCode.DATA_ELEMENT_TOO_LONG.x12()).isEqualTo("5");
        assertThat(AckCode.INVALID_CHARACTER.x12()).isEqualTo("6");
        assertThat(AckCode.INVALID_CHARACTER.edifact()).isEqualTo("37");
    }

    @Test
    void csvFileIsRejectedAsNotEdi() {
        EdiInterchangeReader reader = new EdiInterchangeReader();

        assertThatThrownBy(() -> reader.read(Samples.open("other/not-edi.csv"), new Collected()))
                .isInstanceOf(NotEdiException.class)
                .hasMessageContaining("Not an EDI file")
                .hasMessageContaining("order_id,sku");
    }

    @Test
    void emptyInputIsRejectedAsNotEdi() {
        assertThatThrownBy(() -> new EdiInterchangeReader().read(new ByteArrayInputStream(new byte[0]), new Collected()))
                .isInstanceOf(NotEdiException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void interchangeCutOffBeforeItsTrailerEndsWithItsTrailersMissingAndTheCutTransactionDropped() {
        String truncated = "ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261120*1230*U*00401"
                + "*000000101*0*P*>~GS*PO*ACMEPARTNER*INTERCHANGE*20261120*1230*101*X*004010~ST*850*0001~BEG*00*SA*PO-1";
        Collected collected = new Collected();

        new EdiInterchangeReader().read(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.US_ASCII)), collected);

        assertThat(collected.transactions).isEmpty();
        assertThat(collected.groups).singleElement().satisfies(g -> assertThat(g.problems())
                .extracting(EnvelopeProblem::error).containsExactly(EnvelopeError.GROUP_TRAILER_MISSING));
        assertThat(collected.interchanges).singleElement().satisfies(i -> assertThat(i.problems())
                .extracting(EnvelopeProblem::error).containsExactly(EnvelopeError.INTERCHANGE_TRAILER_MISSING));
    }

    @Test
    void edifactGroupHeaderIsReportedAndItsWrongMessageCountIsAGroupProblem() {
        Collected read = Samples.read("edifact/globex-orders-d96a-with-ung.edi");

        EdiTransaction order = read.transaction(0);
        assertThat(order.valid()).isTrue();
        assertThat(order.envelope().group()).isEqualTo(
                new GroupHeader("ORDERS", "GLOBEXEU", "INTERCHANGE", "261124", "0815", "GRP10", "D:96A"));
        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.problems()).containsExactly(
                new EnvelopeProblem(EnvelopeError.GROUP_TRANSACTION_COUNT_MISMATCH, "UNE", 1, "2")));
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
    }
}
