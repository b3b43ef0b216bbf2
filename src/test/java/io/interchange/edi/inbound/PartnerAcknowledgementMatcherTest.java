package io.interchange.edi.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.interchange.edi.EdiStandard;
import io.interchange.edi.outbound.SentDocument;
import org.junit.jupiter.api.Test;

/** Which document we sent a partner's 997/999/CONTRL is about, and what it says of it. */
class PartnerAcknowledgementMatcherTest {

    private final PartnerAcknowledgementMatcher matcher = new PartnerAcknowledgementMatcher();

    // 855s as OrderResponses records them: interchange, group (GS06), transaction (ST02), no padding
    private final SentDocument first = sent(1, "855", "5", "12", "34");
    private final SentDocument second = sent(2, "855", "6", "13", "35");
    private final SentDocument ordrsp = sent(3, "ORDRSP", "42", "17", "43");
    private final SentDocument otherOrdrsp = sent(4, "ORDRSP", "42", "18", "44");

    @Test
    void ak2NamesTheTransactionOfTheGroupInAk1() {
        PartnerAcknowledgement ack = x12("12", AcknowledgementStatus.ACCEPTED, "AK9 A",
                new PartnerAcknowledgement.Transaction("855", "34", AcknowledgementStatus.ACCEPTED, "AK5 A"));

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first, second));

        assertThat(matches).containsExactly(new AcknowledgementMatch(first, "34", AcknowledgementStatus.ACCEPTED, "AK5 A; AK9 A"));
    }

    @Test
    void controlNumbersMatchWhateverLeadingZerosThePartnerEchoes() {
        PartnerAcknowledgement ack = x12("000000013", AcknowledgementStatus.REJECTED, "AK9 R 1 1 0",
                new PartnerAcknowledgement.Transaction("855", "0035", AcknowledgementStatus.REJECTED, "AK5 R 5"));

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first, second));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.document()).isEqualTo(second);
            assertThat(match.status()).isEqualTo(AcknowledgementStatus.REJECTED);
            assertThat(match.codes()).isEqualTo("AK5 R 5; AK9 R 1 1 0");
        });
    }

    @Test
    void aGroupAcceptedWithoutAk2AcknowledgesEveryDocumentInIt() {
        SentDocument sameGroup = sent(5, "855", "5", "12", "36");
        PartnerAcknowledgement ack = x12("12", AcknowledgementStatus.ACCEPTED, "AK9 A 2 2 2");

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first, sameGroup, second));

        assertThat(matches).extracting(AcknowledgementMatch::document).containsExactly(first, sameGroup);
        assertThat(matches).extracting(AcknowledgementMatch::status).containsOnly(AcknowledgementStatus.ACCEPTED);
    }

    @Test
    void aTransactionOfTheGroupThatAk2DoesNotNameTakesTheGroupVerdict() {
        SentDocument sameGroup = sent(5, "855", "5", "12", "36");
        PartnerAcknowledgement ack = x12("12", AcknowledgementStatus.ACCEPTED_WITH_ERRORS, "AK9 P 2 2 1",
                new PartnerAcknowledgement.Transaction("855", "34", AcknowledgementStatus.REJECTED, "AK5 R 5"));

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first, sameGroup));

        assertThat(matches).containsExactly(
                new AcknowledgementMatch(first, "34", AcknowledgementStatus.REJECTED, "AK5 R 5; AK9 P 2 2 1"),
                new AcknowledgementMatch(sameGroup, null, AcknowledgementStatus.ACCEPTED_WITH_ERRORS, "AK9 P 2 2 1"));
    }

    @Test
    void anAk2OfAnotherSetIdOrAnUnknownNumberMatchesNothing() {
        PartnerAcknowledgement ack = x12("12", AcknowledgementStatus.ACCEPTED, "AK9 A",
                new PartnerAcknowledgement.Transaction("810", "34", AcknowledgementStatus.ACCEPTED, "AK5 A"),
                new PartnerAcknowledgement.Transaction("855", "99", AcknowledgementStatus.ACCEPTED, "AK5 A"));

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first));

        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).matched()).isFalse();
        assertThat(matches.get(1).matched()).isFalse();
        assertThat(matches.get(1).referencedTransaction()).isEqualTo("99");
        // the 855 in group 12 that no AK2 named takes the AK9 verdict
        assertThat(matches.get(2).document()).isEqualTo(first);
    }

    @Test
    void anAcknowledgementOfAGroupWeNeverSentIsOneUnmatchedVerdict() {
        PartnerAcknowledgement ack = x12("999", AcknowledgementStatus.ACCEPTED, "AK9 A");

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(first, second));

        assertThat(matches).containsExactly(new AcknowledgementMatch(null, null, AcknowledgementStatus.ACCEPTED, "AK9 A"));
    }

    @Test
    void ucmNamesTheMessageOfTheInterchangeInUci() {
        PartnerAcknowledgement ack = contrl("42", AcknowledgementStatus.ACCEPTED, "UCI 7",
                new PartnerAcknowledgement.Transaction("ORDRSP", "44", AcknowledgementStatus.REJECTED, "UCM 4 error 13"));

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(ordrsp, otherOrdrsp));

        assertThat(matches).containsExactly(
                new AcknowledgementMatch(otherOrdrsp, "44", AcknowledgementStatus.REJECTED, "UCM 4 error 13; UCI 7"),
                // action 7 acknowledges every lower level not explicitly rejected
                new AcknowledgementMatch(ordrsp, null, AcknowledgementStatus.ACCEPTED, "UCI 7"));
    }

    @Test
    void aUciRejectionWithoutUcmRejectsEveryMessageOfTheInterchange() {
        PartnerAcknowledgement ack = contrl("0042", AcknowledgementStatus.REJECTED, "UCI 4 error 18");

        List<AcknowledgementMatch> matches = matcher.match(ack, List.of(ordrsp, otherOrdrsp, first));

        assertThat(matches).extracting(AcknowledgementMatch::document).containsExactly(ordrsp, otherOrdrsp);
        assertThat(matches).extracting(AcknowledgementMatch::status).containsOnly(AcknowledgementStatus.REJECTED);
    }

    @Test
    void contrlIsMatchedByInterchangeNotByGroup() {
        // ORDRSP 3 took group number 17 from the sequence without writing a UNG: a CONTRL for interchange 17 is not its
        PartnerAcknowledgement ack = contrl("17", AcknowledgementStatus.ACCEPTED, "UCI 7");

        assertThat(matcher.match(ack, List.of(ordrsp))).singleElement()
                .satisfies(match -> assertThat(match.matched()).isFalse());
    }

    private static PartnerAcknowledgement x12(String group, AcknowledgementStatus overall, String codes,
            PartnerAcknowledgement.Transaction... transactions) {
        return new PartnerAcknowledgement(EdiStandard.X12, "997", "0001", null, group, "PR", overall, codes,
                List.of(transactions));
    }

    private static PartnerAcknowledgement contrl(String interchange, AcknowledgementStatus overall, String codes,
            PartnerAcknowledgement.Transaction... transactions) {
        return new PartnerAcknowledgement(EdiStandard.EDIFACT, "CONTRL", "1", interchange, null, null, overall, codes,
                List.of(transactions));
    }

    private static SentDocument sent(long id, String setId, String interchange, String group, String transaction) {
        return new SentDocument(id, "acme", setId, setId + "-" + interchange + ".x12", interchange, group, transaction,
                "doc-" + id, Instant.parse("2026-11-20T10:00:00Z"), null);
    }
}
