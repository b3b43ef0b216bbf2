package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12AcknowledgementWriterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:30:00Z"), ZoneOffset.UTC);
    private static final AckControlNumbers NUMBERS = AckControlNumbers.of(901, 901, 1);

    private final X12AcknowledgementWriter writer = new X12AcknowledgementWriter(TransactionSchemas.builtIn(), NOW);

    @Test
    void acceptedOrderIsAcknowledgedWithSwappedIdsAndTheCallersControlNumbers() {
        GroupResult group = Samples.read("x12/acme-850-004010-single.edi").groups.get(0);

        String ack = write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS);

        assertThat(ack).isEqualTo(
                "ISA*00*          *00*          *ZZ*INTERCHANGE    *ZZ*ACMEPARTNER    *261125*1030*U*00401*000000901*0*P*>~"
                        + "GS*FA*INTERCHANGE*ACMEPARTNER*20261125*1030*901*X*004010~"
                        + "ST*997*0001~"
                        + "AK1*PO*101~"
                        + "AK2*850*0001~"
                        + "AK5*A~"
                        + "AK9*A*1*1*1~"
                        + "SE*6*0001~"
                        + "GE*1*901~"
                        + "IEA*1*000000901~");
    }

    @Test
    void transactionMissingItsBegIsRejectedWithAk3WhileTheOthersAreAccepted() {
        GroupResult group = Samples.read("x12/acme-850-004010-one-bad-transaction.edi").groups.get(0);

        EdiText ack = EdiText.x12(write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS));

        assertThat(ack.tags()).containsExactly("ISA", "GS", "ST", "AK1", "AK2", "AK5", "AK2", "AK3", "AK5", "AK2",
                "AK5", "AK9", "SE", "GE", "IEA");
        assertThat(ack.segment("AK1")).containsExactly("AK1", "PO", "103");
        assertThat(ack.segment("AK2", 0)).containsExactly("AK2", "850", "0001");
        assertThat(ack.segment("AK5", 0)).containsExactly("AK5", "A");
        assertThat(ack.segment("AK2", 1)).containsExactly("AK2", "850", "0002");
        assertThat(ack.segment("AK3")).containsExactly("AK3", "BEG", "2", "", "3");
        assertThat(ack.segment("AK5", 1)).containsExactly("AK5", "R", "5");
        assertThat(ack.segment("AK2", 2)).containsExactly("AK2", "850", "0003");
        assertThat(ack.segment("AK5", 2)).containsExactly("AK5", "A");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "P", "3", "3", "2");
        assertThat(ack.segment("SE")).containsExactly("SE", "11", "0001");
    }

    @Test
    void wholeGroupPolicyRejectsTheGoodTransactionsToo() {
        GroupResult group = Samples.read("x12/acme-850-004010-one-bad-transaction.edi").groups.get(0);

        EdiText ack = EdiText.x12(write997(group, AckPolicy.REJECT_WHOLE_GROUP));

        assertThat(ack.all("AK5")).containsExactly(List.of("AK5", "R"), List.of("AK5", "R", "5"), List.of("AK5", "R"));
        assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "3", "3", "0");
        assertThat(GroupVerdict.of(group, AckPolicy.REJECT_WHOLE_GROUP).accepted()).isEmpty();
        assertThat(GroupVerdict.of(group, AckPolicy.REJECT_FAILING_TRANSACTIONS).accepted())
                .extracting(TransactionOutcome::controlNumber).containsExactly("0001", "0003");
    }

    @Test
    void wrongSegmentCountRejectsTheTransactionWithAk5Code4() {
        GroupResult group = Samples.read("x12/acme-850-004010-bad-trailers.edi").groups.get(0);

        EdiText ack = EdiText.x12(write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS));

        assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
        assertThat(ack.all("AK3")).isEmpty();
        assertThat(ack.segment("AK5")).containsExactly("AK5", "R", "4");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "R", "1", "1", "0");
    }

    @Test
    void wrongGroupCountIsNotedWithoutRejectingValidTransactionsUnlessTheWholeGroupIsRejected() {
        GroupResult group = Samples.read("x12/acme-850-004010-wrong-group-counts.edi").groups.get(0);

        EdiText perTransaction = EdiText.x12(write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS));
        EdiText wholeGroup = EdiText.x12(write997(group, AckPolicy.REJECT_WHOLE_GROUP));

        assertThat(perTransaction.segment("AK5")).containsExactly("AK5", "A");
        // E: accepted, errors noted; GE01 said 2, 1 received, 1 accepted; 5: included count does not match
        assertThat(perTransaction.segment("AK9")).containsExactly("AK9", "E", "2", "1", "1", "5");
        assertThat(wholeGroup.segment("AK5").get(1)).isEqualTo("R");
        assertThat(wholeGroup.segment("AK9")).containsExactly("AK9", "R", "2", "1", "0", "5");
    }

    @Test
    void elementErrorsBecomeAk4WithPositionReferenceCodeAndBadData() {
        GroupResult group = Samples.read("x12/acme-850-and-810-004010.edi").groups.get(0);

        EdiText ack = EdiText.x12(write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS));

        assertThat(ack.segment("AK5", 1)).containsExactly("AK5", "R", "1");
        assertThat(ack.segment("AK3", 0)).containsExactly("AK3", "REF", "3", "", "8");
        assertThat(ack.segment("AK4", 0)).containsExactly("AK4", "2", "127", "5",
                "0000000000000000000000000000000000000000000000000000000000000099");
        assertThat(ack.segment("AK3", 1)).containsExactly("AK3", "PO1", "5", "PO1", "8");
        assertThat(ack.segment("AK4", 1)).containsExactly("AK4", "4", "212", "6", "TEN");
        assertThat(ack.segment("AK5", 2)).containsExactly("AK5", "R", "5");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "P", "3", "3", "1");
    }

    @Test
    void implementationAcknowledgementUsesIk3Ik4Ik5AndThe999Guide() {
        GroupResult group = Samples.read("x12/acme-850-and-810-004010.edi").groups.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write999(group, AckPolicy.REJECT_FAILING_TRANSACTIONS, NUMBERS, out);
        EdiText ack = EdiText.x12(out.toString(StandardCharsets.US_ASCII));

        assertThat(ack.segment("GS")).containsExactly("GS", "FA", "INTERCHANGE", "ACMEPARTNER", "20261125", "1030",
                "901", "X", "005010X231A1");
        assertThat(ack.segment("ST")).containsExactly("ST", "999", "0001", "005010X231A1");
        assertThat(ack.segment("AK1")).containsExactly("AK1", "PO", "105", "004010");
        assertThat(ack.tags()).containsSubsequence("AK2", "IK5", "AK2", "IK5", "AK2", "IK3", "IK4", "IK3", "IK4", "IK5",
                "AK9");
        assertThat(ack.segment("IK5", 0)).containsExactly("IK5", "A");
        assertThat(ack.segment("IK5", 1)).containsExactly("IK5", "R", "1");
        assertThat(ack.segment("IK3", 1)).containsExactly("IK3", "PO1", "5", "PO1", "8");
        assertThat(ack.segment("IK4", 1)).containsExactly("IK4", "4", "212", "6", "TEN");
        assertThat(ack.segment("IK5", 2)).containsExactly("IK5", "R", "5");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "P", "3", "3", "1");
    }

    @Test
    void globexIsAnsweredIn005010WithItsOwnDelimiters() {
        GroupResult group = Samples.read("x12/globex-850-005010-two-interchanges-one-line.edi").groups.get(1);

        String text = write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS);
        EdiText ack = EdiText.x12(text);

        assertThat(text).startsWith("ISA|00|          |00|          |ZZ|INTERCHANGE    |ZZ|GLOBEXUS       |261125|1030|^|00501|000000901|0|P|:~");
        assertThat(ack.segment("GS")).containsExactly("GS", "FA", "INTERCHANGE", "GLOBEXUS", "20261125", "1030", "901",
                "X", "005010");
        assertThat(ack.segment("AK1")).containsExactly("AK1", "PO", "7002", "005010");
        assertThat(ack.segment("AK2")).containsExactly("AK2", "850", "0001");
        assertThat(ack.segment("AK9")).containsExactly("AK9", "A", "1", "1", "1");
    }

    @Test
    void written997ReadsBackAsAValid997() {
        GroupResult group = Samples.read("x12/acme-850-004010-one-bad-transaction.edi").groups.get(0);
        String ack = write997(group, AckPolicy.REJECT_FAILING_TRANSACTIONS);

        Collected readBack = new Collected();
        new EdiInterchangeReader().read(new ByteArrayInputStream(ack.getBytes(StandardCharsets.US_ASCII)), readBack);

        assertThat(readBack.transactions).singleElement().satisfies(t -> {
            assertThat(t.setId()).isEqualTo("997");
            assertThat(t.valid()).isTrue();
            assertThat(t.tree().at("/AK2Loop/1/AK3Loop/0/AK3/AK301").asText()).isEqualTo("BEG");
        });
    }

    private String write997(GroupResult group, AckPolicy policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write997(group, policy, NUMBERS, out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
