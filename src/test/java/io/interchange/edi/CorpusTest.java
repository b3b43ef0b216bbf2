package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The partner-shaped corpus in {@code edi/corpus/}: an X12 850 of every supported version (GS08
 * suffixes VICS/UCS included, several delimiter sets) and an ORDERS of every directory (EANCOM
 * among them); the 004010/005010, 003010, D.96A and D.03B files carry every segment and group.
 */
class CorpusTest {

    private static final AckControlNumbers NUMBERS = new AckControlNumbers("7", "7", "1");

    @ParameterizedTest
    @ValueSource(strings = {"003010", "003020", "003030", "003040ucs", "003050vics", "003060", "003070", "004010",
            "004020", "004030vics", "004040", "004050ucs", "004060", "005010"})
    void everyX12VersionIsReadWithoutErrorsAndAcknowledgedInItsVersion(String version) {
        Collected read = read("x12-850-" + version + ".edi");
        assertThat(read.transactions).hasSize(1);
        EdiTransaction order = read.transactions.get(0);
        assertThat(order.problems()).as(version).isEmpty();
        assertThat(order.envelopeProblems()).as(version).isEmpty();
        assertThat(order.tree().at("/BEG/BEG03").asText()).isEqualTo("PO-" + version.substring(0, 6));
        assertThat(order.tree().get("PO1Loop")).hasSize(2);
        assertThat(order.tree().at("/PO1Loop/0/PO1/PO107").asText()).isEqualTo("WIDGET-RED");
        assertThat(order.tree().at("/CTT/CTT01").asText()).isEqualTo("2");

        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        new X12AcknowledgementWriter().write997(read.groups.get(0), AckPolicy.REJECT_FAILING_TRANSACTIONS, NUMBERS, ack);
        String text = ack.toString(StandardCharsets.US_ASCII);
        assertThat(text).contains("GS" + sep(text) + "FA").contains(sep(text) + version.substring(0, 6) + segmentEnd(text))
                .contains("AK5" + sep(text) + "A").contains("AK9" + sep(text) + "A" + sep(text) + "1" + sep(text) + "1"
                        + sep(text) + "1");
    }

    @Test
    void richX12FilesCarryEveryLoopOfTheirLayout() {
        EdiTransaction v4 = read("x12-850-004010.edi").transactions.get(0);
        assertThat(v4.tree().fieldNames()).toIterable().contains("CUR", "TAX", "CTP", "PAM", "CSH", "TC2", "SACLoop",
                "ITD", "DIS", "INC", "LDT", "LIN", "SI", "PID", "MEA", "PWK", "PKG", "TD1", "TD5", "TD3", "TD4", "MAN",
                "PCT", "CTB", "TXI", "AMTLoop", "N9Loop", "N1Loop", "LMLoop", "SPILoop", "ADVLoop", "PO1Loop", "CTT", "AMT");
        assertThat(v4.tree().get("PO1Loop").get(0).fieldNames()).toIterable().contains("LIN", "SI", "CUR", "CN1", "PO3",
                "CTPLoop", "PAM", "MEA", "PIDLoop", "PWK", "PO4", "REF", "PER", "SACLoop", "IT8", "CSH", "ITD", "DIS", "INC",
                "TAX", "FOB", "SDQ", "IT3", "DTM", "TC2", "TD1", "TD5", "TD3", "TD4", "PCT", "MAN", "MSG", "SPI", "TXI",
                "CTB", "QTYLoop", "SCHLoop", "PKGLoop", "LSLoop", "N9Loop", "N1Loop", "SLNLoop", "AMTLoop", "LMLoop");
        assertThat(v4.tree().at("/N1Loop/0/N4/0/N402").asText()).isEqualTo("IL");
        EdiTransaction v3 = read("x12-850-003010.edi").transactions.get(0);
        assertThat(v3.tree().fieldNames()).toIterable().contains("NTE", "SSS", "ITA");
        assertThat(v3.tree().get("PO1Loop").get(0).fieldNames()).toIterable().contains("CTP", "SCH", "PKG", "SSS",
                "ITA", "SLNLoop", "AMT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d93a", "d96a-ean008", "d96b", "d97a-ean009", "d99b", "d01b-ean010", "d03b"})
    void everyEdifactDirectoryIsReadWithoutErrorsAndAcknowledgedByContrl(String directory) {
        Collected read = read("edifact-orders-" + directory + ".edi");
        assertThat(read.transactions).hasSize(1);
        EdiTransaction order = read.transactions.get(0);
        assertThat(order.problems()).as(directory).isEmpty();
        assertThat(order.envelopeProblems()).as(directory).isEmpty();
        assertThat(order.tree().get("LINLoop")).hasSize(2);
        assertThat(order.tree().get("NADLoop")).isNotEmpty();

        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        new ContrlWriter().write(read.interchanges.get(0), AckPolicy.REJECT_FAILING_TRANSACTIONS, NUMBERS, ack);
        String text = ack.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("CONTRL").contains("ORDERS").contains(directory.substring(1, 4).toUpperCase());
        assertThat(text).doesNotContain("UCS").doesNotContain("UCD");
    }

    @Test
    void richOrdersCarryEverySegmentGroup() {
        EdiTransaction order = read("edifact-orders-d96a-ean008.edi").transactions.get(0);
        assertThat(order.outcome().version()).isEqualTo("D:96A:UN:EAN008");
        assertThat(order.tree().fieldNames()).toIterable().contains("PAI", "ALI", "IMD", "FTX", "RFFLoop", "NADLoop",
                "TAXLoop", "CUXLoop", "PATLoop", "TDTLoop", "TODLoop", "PACLoop", "EQDLoop", "SCCLoop", "APRLoop",
                "ALCLoop", "RCSLoop", "LINLoop", "UNS", "MOA", "CNT");
        assertThat(order.tree().at("/NADLoop/0").fieldNames()).toIterable().contains("LOC", "FII", "RFFLoop", "DOCLoop",
                "CTALoop");
        assertThat(order.tree().at("/LINLoop/0").fieldNames()).toIterable().contains("PIA", "IMD", "MEA", "QTY", "PCD",
                "ALI", "DTM", "MOA", "GIN", "GIR", "QVR", "DOC", "PAI", "FTX", "CCILoop", "PATLoop", "PRILoop", "RFFLoop",
                "PACLoop", "LOCLoop", "TAXLoop", "NADLoop", "ALCLoop", "TDTLoop", "TODLoop", "EQDLoop", "SCCLoop",
                "RCSLoop", "STGLoop");
    }

    @Test
    void unknownSegmentIsAcceptedWithErrorsWhenLenientAndRejectedWhenStrict() {
        String original = text("x12-850-004010.edi");
        java.util.regex.Matcher se = java.util.regex.Pattern.compile("SE\\*(\\d+)\\*0001").matcher(original);
        assertThat(se.find()).isTrue();
        String file = original.replace("CTT*2~", "ZZZ*UNKNOWN~\nCTT*2~")
                .replace(se.group(), "SE*" + (Integer.parseInt(se.group(1)) + 1) + "*0001");
        Collected read = readString(file);
        GroupResult group = read.groups.get(0);
        assertThat(read.transactions.get(0).problems()).extracting(ValidationProblem::segmentTag).containsExactly("ZZZ");

        String lenient = ack(group, ValidationPolicy.LENIENT);
        assertThat(lenient).contains("AK3*ZZZ*").contains("AK5*E").contains("AK9*E*1*1*1");
        String strict = ack(group, ValidationPolicy.STRICT);
        assertThat(strict).contains("AK3*ZZZ*").contains("AK5*R*5").contains("AK9*R*1*1*0");
    }

    private static String ack(GroupResult group, ValidationPolicy validation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new X12AcknowledgementWriter().write(false, group, AckPolicy.REJECT_FAILING_TRANSACTIONS, validation, false,
                NUMBERS, null, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static char sep(String isa) {
        return isa.charAt(3);
    }

    private static char segmentEnd(String isa) {
        return isa.charAt(105);
    }

    private static Collected read(String name) {
        return readString(text(name));
    }

    private static Collected readString(String text) {
        Collected collected = new Collected();
        new EdiInterchangeReader().read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                collected);
        return collected;
    }

    private static String text(String name) {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/edi/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }
}
