package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interchange.model.CanonicalJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples in package-info.java are what partners' mappings are written from: keep them true. */
class DocumentedTreeConventionTest {

    @Test
    void documentedX12ExampleIsWhatTheReaderProduces() throws Exception {
        String edi = "ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261120*1230*U*00401"
                + "*000000101*0*P*>~GS*PO*ACMEPARTNER*INTERCHANGE*20261120*1230*101*X*004010~"
                + "ST*850*0001~BEG*00*SA*PO-4711**20261120~REF*DP*038~N1*ST*ACME STORE 12*92*0012~N3*100 MAIN ST~"
                + "PO1*1*10*EA*12.50**VP*WIDGET-RED*UP*012345678905~PID*F****RED WIDGET~CTT*1~SE*9*0001~"
                + "GE*1*101~IEA*1*000000101~";

        JsonNode documented = CanonicalJson.mapper().readTree("""
                {"BEG": {"BEG01": "00", "BEG02": "SA", "BEG03": "PO-4711", "BEG05": "20261120"},
                 "REF": [{"REF01": "DP", "REF02": "038"}],
                 "N1Loop": [{"N1": {"N101": "ST", "N102": "ACME STORE 12", "N103": "92", "N104": "0012"},
                             "N3": [{"N301": "100 MAIN ST"}]}],
                 "PO1Loop": [{"PO1": {"PO101": "1", "PO102": "10", "PO103": "EA", "PO104": "12.50", "PO106": "VP",
                                      "PO107": "WIDGET-RED", "PO108": "UP", "PO109": "012345678905"},
                              "PIDLoop": [{"PID": {"PID01": "F", "PID05": "RED WIDGET"}}]}],
                 "CTT": {"CTT01": "1"}}
                """);

        assertThat(readOnly(edi).tree()).isEqualTo(documented);
    }

    @Test
    void documentedEdifactExampleIsWhatTheReaderProduces() throws Exception {
        String edi = "UNB+UNOC:3+GLOBEXEU:14+INTERCHANGE:14+261120:1230+GX0001'"
                + "UNH+1+ORDERS:D:96A:UN'BGM+220+PO-9001+9'DTM+137:20261120:102'NAD+BY+5412345000013::9'"
                + "LIN+1++4000862141404:SRS'QTY+21:48'PRI+AAA:12.5'UNS+S'CNT+2:1'UNT+10+1'UNZ+1+GX0001'";

        JsonNode documented = CanonicalJson.mapper().readTree("""
                {"BGM": {"BGM01": {"BGM0101": "220"}, "BGM02": "PO-9001", "BGM03": "9"},
                 "DTM": [{"DTM01": {"DTM0101": "137", "DTM0102": "20261120", "DTM0103": "102"}}],
                 "NADLoop": [{"NAD": {"NAD01": "BY", "NAD02": {"NAD0201": "5412345000013", "NAD0203": "9"}}}],
                 "LINLoop": [{"LIN": {"LIN01": "1", "LIN03": {"LIN0301": "4000862141404", "LIN0302": "SRS"}},
                              "QTY": [{"QTY01": {"QTY0101": "21", "QTY0102": "48"}}],
                              "PRILoop": [{"PRI": {"PRI01": {"PRI0101": "AAA", "PRI0102": "12.5"}}}]}],
                 "UNS": {"UNS01": "S"},
                 "CNT": [{"CNT01": {"CNT0101": "2", "CNT0102": "1"}}]}
                """);

        assertThat(readOnly(edi).tree()).isEqualTo(documented);
    }

    private static EdiTransaction readOnly(String edi) {
        Collected collected = new Collected();
        new EdiInterchangeReader().read(new ByteArrayInputStream(edi.getBytes(StandardCharsets.ISO_8859_1)), collected);
        assertThat(collected.transactions).singleElement().satisfies(t -> assertThat(t.valid()).isTrue());
        return collected.transactions.get(0);
    }
}
