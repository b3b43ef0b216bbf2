package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import io.interchange.support.EdiSamples;
import org.junit.jupiter.api.Test;

/**
 * What partners' tools and mailboxes do to files, undone or named before the parser sees them
 * ({@link InterchangeSplitter} through {@link EdiInterchangeReader}): byte order marks, banners,
 * 80-column wrapping, missing trailers, mailbags with several delimiter sets, empty and non-EDI
 * files.
 */
class RealPartnerFilesTest {

    @Test
    void byteOrderMarkIsSkippedAndNoted() {
        Collected read = Samples.read("x12/acme-850-004010-bom.edi");

        assertThat(read.transactions).singleElement().satisfies(t -> assertThat(t.valid()).isTrue());
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        assertThat(read.notes).containsExactly("a UTF-8 byte order mark at the start of the file was skipped");
    }

    @Test
    void junkLinesBeforeTheIsaAreSkippedAndNotedWithTheirStart() {
        Collected read = Samples.read("x12/acme-850-004010-junk-header.edi");

        assertThat(read.transactions).singleElement().satisfies(t -> assertThat(t.tree().at("/BEG/BEG03").asText())
                .isEqualTo("PO-4711"));
        assertThat(read.notes).singleElement().asString()
                .startsWith("skipped 2 line(s) of non-EDI text").contains("before interchange 1")
                .contains("'$$ADD ID=ACMEPARTNER BID='PO' BATCH=0042'");
    }

    @Test
    void linesWrappedAt80ColumnsAreJoinedWhenTheTerminatorIsNotALineBreak() {
        Collected read = Samples.read("x12/acme-850-004010-wrapped-80.edi");

        EdiTransaction order = read.transaction(0);
        assertThat(order.valid()).isTrue();
        // N1 was cut after "ACM" by the wrapping
        assertThat(order.tree().at("/N1Loop/0/N1/N102").asText()).isEqualTo("ACME STORE 12");
        assertThat(order.tree().get("PO1Loop")).hasSize(3);
        assertThat(order.envelope().interchange().time()).as("ISA10 was cut too").isEqualTo("1230");
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        assertThat(read.notes).containsExactly("interchange 1: line breaks inside segments were dropped (its segment terminator is '~')");
    }

    @Test
    void lineBreaksAreKeptWhenTheyAreTheSegmentTerminator() {
        Collected read = Samples.read("x12/acme-mailbag-two-delimiter-sets.edi");

        assertThat(read.transactions).hasSize(2).allMatch(EdiTransaction::valid);
        assertThat(read.notes).isEmpty();
    }

    @Test
    void eachInterchangeOfAMailbagIsReadWithItsOwnDelimiters() {
        Collected read = Samples.read("x12/acme-mailbag-two-delimiter-sets.edi");

        assertThat(read.interchanges).extracting(i -> i.header().controlNumber()).containsExactly("000000101", "000000102");
        assertThat(read.interchanges.get(0).header().delimiters()).isEqualTo(new Delimiters('~', '*', '>', null, null, '.'));
        assertThat(read.interchanges.get(1).header().delimiters()).isEqualTo(new Delimiters('\n', '|', ':', null, null, '.'));
        assertThat(read.transactions).extracting(t -> t.tree().at("/BEG/BEG03").asText()).containsExactly("PO-4711", "PO-4712");
        assertThat(read.summary).isEqualTo(new ReadSummary(EdiStandard.X12, 2, 2, 2));
    }

    @Test
    void missingIeaEndsTheInterchangeWithTrailerMissingAfterItsGroup() {
        Collected read = Samples.read("x12/acme-850-004010-missing-iea.edi");

        assertThat(read.transactions).singleElement().satisfies(t -> assertThat(t.valid()).isTrue());
        assertThat(read.groups).singleElement().satisfies(g -> assertThat(g.problems()).isEmpty());
        InterchangeResult interchange = read.interchanges.get(0);
        assertThat(interchange.problems()).extracting(EnvelopeProblem::error)
                .containsExactly(EnvelopeError.INTERCHANGE_TRAILER_MISSING);
        assertThat(interchange.problems().get(0).segmentTag()).isEqualTo("IEA");
        assertThat(EnvelopeError.INTERCHANGE_TRAILER_MISSING.x12()).as("TA1 023: premature end of file").isEqualTo("023");
    }

    @Test
    void missingUnzIsCode13AtUnzAndTheCompleteMessageIsStillDelivered() {
        Collected read = Samples.read("edifact/globex-orders-d96a-missing-unz.edi");

        assertThat(read.transactions).singleElement().satisfies(t -> assertThat(t.valid()).isTrue());
        EnvelopeProblem problem = read.interchanges.get(0).problems().get(0);
        assertThat(problem.error()).isEqualTo(EnvelopeError.INTERCHANGE_TRAILER_MISSING);
        assertThat(problem.segmentTag()).isEqualTo("UNZ");
        assertThat(problem.error().edifact()).as("CONTRL 0085 13: missing").isEqualTo("13");
    }

    @Test
    void missingGeAndIeaBeforeTheNextInterchangeCutTheFirstAndTheSecondIsReadAsUsual() {
        String single = EdiSamples.text("x12/acme-850-004010-single.edi");
        String truncated = single.replace("GE*1*101~\nIEA*1*000000101~\n", "");
        String second = single.replace("000000101", "000000102").replace("PO-4711", "PO-4712");
        Collected read = read(truncated + second);

        assertThat(read.interchanges).hasSize(2);
        assertThat(read.interchanges.get(0).problems()).extracting(EnvelopeProblem::error)
                .containsExactly(EnvelopeError.INTERCHANGE_TRAILER_MISSING);
        assertThat(read.groups.get(0).problems()).extracting(EnvelopeProblem::error)
                .containsExactly(EnvelopeError.GROUP_TRAILER_MISSING);
        assertThat(read.interchanges.get(1).valid()).isTrue();
        assertThat(read.transactions).extracting(t -> t.tree().at("/BEG/BEG03").asText()).containsExactly("PO-4711", "PO-4712");
    }

    @Test
    void x12AndEdifactInOneFileAreEachReadAsTheirStandard() {
        Collected read = read(EdiSamples.text("x12/acme-850-004010-single.edi") + EdiSamples.text("edifact/globex-orders-d96a-una.edi"));

        assertThat(read.interchanges).extracting(i -> i.header().standard()).containsExactly(EdiStandard.X12, EdiStandard.EDIFACT);
        assertThat(read.transactions).extracting(EdiTransaction::setId).containsExactly("850", "ORDERS");
        assertThat(read.transactions).allMatch(EdiTransaction::valid);
    }

    @Test
    void anUnreadableInterchangeHeaderIsReportedAndTheNextInterchangeIsRead() {
        String broken = "ISA*00*cut short~\n";
        Collected read = read(broken + EdiSamples.text("x12/acme-850-004010-single.edi"));

        assertThat(read.unreadable).singleElement().asString().startsWith("interchange 1 of the file is unreadable: ");
        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        assertThat(read.transactions).hasSize(1);
    }

    @Test
    void textAfterTheLastInterchangeIsNoted() {
        Collected read = read(EdiSamples.text("x12/acme-850-004010-single.edi") + "-- end of batch 42 --\n");

        assertThat(read.interchanges).hasSize(1);
        assertThat(read.notes).singleElement().asString().contains("after interchange 1").contains("'-- end of batch 42 --'");
    }

    @Test
    void emptyAndNonEdiFilesAreRefusedNamingWhy() {
        EdiInterchangeReader reader = new EdiInterchangeReader();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[0]), new Collected()))
                .isInstanceOf(NotEdiException.class).hasMessage("Not an EDI file: the file is empty");
        assertThatThrownBy(() -> reader.read(bytes(" \r\n\r\n"), new Collected()))
                .isInstanceOf(NotEdiException.class).hasMessage("Not an EDI file: the file is empty");
        assertThatThrownBy(() -> Samples.read("other/not-edi.csv")).isInstanceOf(NotEdiException.class)
                .hasMessage("Not an EDI file: no X12 ISA or EDIFACT UNA/UNB header; it starts with 'order_id,sku,qty'");
    }

    @Test
    void aHeaderFarBehindJunkIsNotSearchedFor() {
        String junk = "x".repeat(InterchangeSplitter.MAX_JUNK + 10) + "\n";
        assertThatThrownBy(() -> read(junk + EdiSamples.text("x12/acme-850-004010-single.edi")))
                .isInstanceOf(NotEdiException.class).hasMessageContaining("in the first 64 KiB");
    }

    @Test
    void releasedSegmentTerminatorInEdifactDataDoesNotEndTheSegment() {
        String file = EdiSamples.text("edifact/globex-orders-d96a-una.edi");
        Collected read = read(file.replace("NAD+DP+5412345000020::9'", "NAD+DP+5412345000020::9++O?'BRIEN'"));

        assertThat(read.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        assertThat(read.transactions).hasSize(1);
        assertThat(read.notes).isEmpty();
    }

    private static Collected read(String text) {
        Collected collected = new Collected();
        collected.summary = new EdiInterchangeReader().read(bytes(text), collected);
        return collected;
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
