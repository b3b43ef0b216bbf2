package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EdiTreeWriterTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 30);

    private static final String ACK_855 = """
            {
              "BAK": {"BAK01": "00", "BAK02": "AC", "BAK03": "PO-4711", "BAK04": "20261125"},
              "REF": [{"REF01": "DP", "REF02": "038"}],
              "DTM": [{"DTM01": "067", "DTM02": "20261201"}],
              "N1Loop": [{"N1": {"N101": "ST", "N102": "ACME STORE 12", "N103": "92", "N104": "0012"}}],
              "PO1Loop": [
                {"PO1": {"PO101": "1", "PO102": "10", "PO103": "EA", "PO104": "12.50", "PO106": "VP", "PO107": "WIDGET-RED"},
                 "ACKLoop": [{"ACK": {"ACK01": "IA", "ACK02": "10", "ACK03": "EA", "ACK04": "068", "ACK05": "20261201"}}]},
                {"PO1": {"PO101": "2", "PO102": "5", "PO103": "CS", "PO104": "48.00", "PO106": "VP", "PO107": "GADGET-BLUE"},
                 "ACKLoop": [{"ACK": {"ACK01": "IB", "ACK02": "3", "ACK03": "CS"}},
                             {"ACK": {"ACK01": "IR", "ACK02": "2", "ACK03": "CS"}}]}
              ],
              "CTT": {"CTT01": "2"}
            }
            """;

    private static final String ORDRSP = """
            {
              "BGM": {"BGM01": {"BGM0101": "231"}, "BGM02": "RSP-9001", "BGM03": "9", "BGM04": "AP"},
              "DTM": [{"DTM01": {"DTM0101": "137", "DTM0102": "20261125", "DTM0103": "102"}}],
              "RFFLoop": [{"RFF": {"RFF01": {"RFF0101": "ON", "RFF0102": "PO-9001"}}}],
              "NADLoop": [{"NAD": {"NAD01": "BY", "NAD02": {"NAD0201": "5412345000013", "NAD0203": "9"}}},
                          {"NAD": {"NAD01": "SU", "NAD02": {"NAD0201": "5400000000009", "NAD0203": "9"}}}],
              "LINLoop": [
                {"LIN": {"LIN01": "1", "LIN02": "5", "LIN03": {"LIN0301": "4000862141404", "LIN0302": "SRS"}},
                 "QTY": [{"QTY01": {"QTY0101": "21", "QTY0102": "48"}}],
                 "PRILoop": [{"PRI": {"PRI01": {"PRI0101": "AAA", "PRI0102": "12.5"}}}]}
              ],
              "UNS": {"UNS01": "S"},
              "CNT": [{"CNT01": {"CNT0101": "2", "CNT0102": "1"}}]
            }
            """;

    private final EdiTreeWriter writer = new EdiTreeWriter();

    @Test
    void purchaseOrderAcknowledgmentRoundTripsThroughTheReader() {
        ObjectNode tree = json(ACK_855);
        OutboundEnvelope envelope = acmeEnvelope("004010").build();

        String edi = write(envelope, "855", tree);
        EdiTransaction readBack = readSingle(edi);

        assertThat(readBack.valid()).isTrue();
        assertThat(readBack.setId()).isEqualTo("855");
        assertThat(readBack.controlNumber()).isEqualTo("0042");
        assertThat(readBack.tree()).isEqualTo(tree);
        EdiText text = EdiText.x12(edi);
        assertThat(text.segment("ISA")).containsExactly("ISA", "00", "          ", "00", "          ", "ZZ",
                "INTERCHANGE    ", "ZZ", "ACMEPARTNER    ", "261125", "1030", "U", "00401", "000000077", "0", "P", ">");
        assertThat(text.segment("GS")).containsExactly("GS", "PR", "INTERCHANGE", "ACMEPARTNER", "20261125", "1030",
                "77", "X", "004010");
        assertThat(text.segment("ACK", 0)).containsExactly("ACK", "IA", "10", "EA", "068", "20261201");
        assertThat(text.segment("SE")).containsExactly("SE", "12", "0042");
        assertThat(text.segment("IEA")).containsExactly("IEA", "1", "000000077");
    }

    @Test
    void treeKeysInAnyOrderAndNumbersFromAMappingAreWrittenInSchemaOrder() {
        ObjectNode tree = json("""
                {"CTT": {"CTT01": 1},
                 "PO1Loop": [{"ACKLoop": [{"ACK": {"ACK03": "EA", "ACK01": "IA", "ACK02": 10}}],
                              "PO1": {"PO104": 12.50, "PO101": "1", "PO102": 10, "PO103": "EA"}}],
                 "BAK": {"BAK04": "20261125", "BAK03": "GX-PO-88", "BAK02": "AC", "BAK01": "00"}}
                """);
        OutboundEnvelope envelope = OutboundEnvelope.x12()
                .sender("ZZ", "INTERCHANGE").receiver("ZZ", "GLOBEXUS")
                .controlNumbers(8001, 8001, 1).version("005010").timestamp(NOW)
                .delimiters(new Delimiters('~', '|', ':', '^', null, '.'))
                .build();

        String edi = write(envelope, "855", tree);

        assertThat(edi).startsWith("ISA|00|          |00|          |ZZ|INTERCHANGE    |ZZ|GLOBEXUS       |261125|1030|^|00501|");
        assertThat(EdiText.x12(edi).tags()).containsExactly("ISA", "GS", "ST", "BAK", "PO1", "ACK", "CTT", "SE", "GE",
                "IEA");
        assertThat(EdiText.x12(edi).segment("PO1")).containsExactly("PO1", "1", "10", "EA", "12.5");
        assertThat(readSingle(edi).valid()).isTrue();
    }

    @Test
    void orderResponseRoundTripsThroughTheReader() {
        ObjectNode tree = json(ORDRSP);
        OutboundEnvelope envelope = OutboundEnvelope.edifact()
                .sender("14", "INTERCHANGE").receiver("14", "GLOBEXEU")
                .controlNumbers("RSP0001", "1", "1").version("D:96A:UN").timestamp(NOW)
                .build();

        String edi = write(envelope, "ORDRSP", tree);
        EdiTransaction readBack = readSingle(edi);

        assertThat(readBack.valid()).isTrue();
        assertThat(readBack.setId()).isEqualTo("ORDRSP");
        assertThat(readBack.outcome().version()).isEqualTo("D:96A:UN");
        assertThat(readBack.tree()).isEqualTo(tree);
        EdiText text = EdiText.edifact(edi);
        assertThat(text.segment("UNB")).containsExactly("UNB", "UNOC:3", "INTERCHANGE:14", "GLOBEXEU:14",
                "261125:1030", "RSP0001");
        assertThat(text.segment("UNH")).containsExactly("UNH", "1", "ORDRSP:D:96A:UN");
        assertThat(text.segment("NAD", 1)).containsExactly("NAD", "SU", "5400000000009::9");
        assertThat(text.segment("UNT")).containsExactly("UNT", "12", "1");
    }

    @Test
    void releaseCharacterEscapesEdifactDelimitersInData() {
        ObjectNode tree = json(ORDRSP);
        ((ObjectNode) tree.get("BGM")).put("BGM02", "RSP+9001?");
        OutboundEnvelope envelope = OutboundEnvelope.edifact()
                .sender("14", "INTERCHANGE").receiver("14", "GLOBEXEU")
                .controlNumbers("RSP0002", "1", "1").version("D:96A:UN").timestamp(NOW).build();

        String edi = write(envelope, "ORDRSP", tree);

        assertThat(edi).contains("BGM+231+RSP?+9001??+9+AP'");
        assertThat(readSingle(edi).tree().at("/BGM/BGM02").asText()).isEqualTo("RSP+9001?");
    }

    @Test
    void keyOutsideTheSchemaIsAnErrorNotSilentlyDropped() {
        ObjectNode tree = json(ACK_855);
        ((ObjectNode) tree.get("BAK")).put("BAK42", "X");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> writer.write(acmeEnvelope("004010").build(), "855", tree, out))
                .isInstanceOf(EdiWriteException.class)
                .hasMessageContaining("BAK.BAK42");
        assertThat(out.size()).isZero();
    }

    @Test
    void documentMissingAMandatorySegmentIsRefusedAndNothingIsWritten() {
        ObjectNode tree = json(ACK_855);
        tree.remove("BAK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> writer.write(acmeEnvelope("004010").build(), "855", tree, out))
                .isInstanceOf(EdiWriteException.class)
                .hasMessageContaining("MANDATORY_SEGMENT_MISSING");
        assertThat(out.size()).isZero();
    }

    @Test
    void elementTooLongIsRefused() {
        ObjectNode tree = json(ACK_855);
        ((ObjectNode) tree.get("BAK")).put("BAK03", "X".repeat(40));

        assertThatThrownBy(() -> writer.write(acmeEnvelope("004010").build(), "855", tree, new ByteArrayOutputStream()))
                .isInstanceOf(EdiWriteException.class)
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG");
    }

    @Test
    void transactionWithoutASchemaCannotBeWritten() {
        OutboundEnvelope envelope = acmeEnvelope("004010").build();

        assertThatThrownBy(() -> writer.write(envelope, "856", json("{}"), new ByteArrayOutputStream()))
                .isInstanceOf(EdiException.class)
                .hasMessageContaining("No schema for X12 856");
    }

    private static OutboundEnvelope.Builder acmeEnvelope(String version) {
        return OutboundEnvelope.x12()
                .sender("ZZ", "INTERCHANGE").receiver("ZZ", "ACMEPARTNER")
                .controlNumbers(77, 77, 42).version(version).timestamp(NOW);
    }

    private String write(OutboundEnvelope envelope, String setId, ObjectNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(envelope, setId, tree, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static EdiTransaction readSingle(String edi) {
        Collected collected = new Collected();
        new EdiInterchangeReader().read(new ByteArrayInputStream(edi.getBytes(StandardCharsets.ISO_8859_1)), collected);
        assertThat(collected.transactions).hasSize(1);
        assertThat(collected.interchanges).singleElement().satisfies(i -> assertThat(i.valid()).isTrue());
        return collected.transactions.get(0);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
