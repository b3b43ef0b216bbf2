package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContrlWriterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:30:00Z"), ZoneOffset.UTC);
    private static final AckControlNumbers NUMBERS = new AckControlNumbers("IC0042", "1", "1");

    private final ContrlWriter writer = new ContrlWriter(NOW);

    @Test
    void validOrderIsAcknowledgedWithAction7() {
        InterchangeResult interchange = Samples.read("edifact/globex-orders-d96a-una.edi").interchanges.get(0);

        String contrl = write(interchange, AckPolicy.REJECT_FAILING_TRANSACTIONS);

        assertThat(contrl).isEqualTo("UNA:+.? '"
                + "UNB+UNOC:3+INTERCHANGE:14+GLOBEXEU:14+261125:1030+IC0042'"
                + "UNH+1+CONTRL:D:3:UN'"
                + "UCI+GX0001+GLOBEXEU:14+INTERCHANGE:14+7'"
                + "UCM+1+ORDERS:D:96A:UN+7'"
                + "UNT+4+1'"
                + "UNZ+1+IC0042'");
    }

    @Test
    void messageWithWrongUntCountIsRejectedWithAction4AndCode29() {
        InterchangeResult interchange = Samples.read("edifact/globex-orders-d96a-bad-unt-count.edi").interchanges.get(0);

        EdiText contrl = EdiText.edifact(write(interchange, AckPolicy.REJECT_FAILING_TRANSACTIONS));

        assertThat(contrl.segment("UCI")).containsExactly("UCI", "GX0003", "GLOBEXEU:14", "INTERCHANGE:14", "7");
        assertThat(contrl.segment("UCM")).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "4", "29", "UNT", "1");
    }

    @Test
    void segmentAndElementErrorsBecomeUcsAndUcd() {
        String broken = "UNB+UNOA:2+GLOBEXEU:14+INTERCHANGE:14+261121:0700+GX0009'"
                + "UNH+1+ORDERS:D:96A:UN'DTM+137:20261121:102'UNS+S'UNT+4+1'"
                + "UNH+2+ORDERS:D:96A:UN'BGM+220+PO-9010+9'DTM+137:20261121:102'LIN+1++4000862141404:SRS'QTY+21:five'"
                + "UNS+S'UNT+7+2'"
                + "UNZ+2+GX0009'";
        InterchangeResult interchange = readString(broken);

        EdiText contrl = EdiText.edifact(write(interchange, AckPolicy.REJECT_FAILING_TRANSACTIONS));

        assertThat(contrl.tags()).containsExactly("UNB", "UNH", "UCI", "UCM", "UCS", "UCM", "UCS", "UCD", "UNT", "UNZ");
        assertThat(contrl.segment("UCI")).containsExactly("UCI", "GX0009", "GLOBEXEU:14", "INTERCHANGE:14", "7");
        assertThat(contrl.segment("UCM", 0)).containsExactly("UCM", "1", "ORDERS:D:96A:UN", "4");
        assertThat(contrl.segment("UCS", 0)).as("BGM missing where DTM stands").containsExactly("UCS", "2", "13");
        assertThat(contrl.segment("UCM", 1)).containsExactly("UCM", "2", "ORDERS:D:96A:UN", "4");
        assertThat(contrl.segment("UCS", 1)).as("only element errors: no segment code").containsExactly("UCS", "5");
        assertThat(contrl.segment("UCD")).containsExactly("UCD", "37", "1:2");
    }

    @Test
    void receiptOnlyReportSaysReceivedWithAction8() {
        InterchangeResult interchange = Samples.read("edifact/globex-orders-d96a-no-una-two-messages.edi")
                .interchanges.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeReceipt(interchange, NUMBERS, out);
        EdiText contrl = EdiText.edifact(out.toString(StandardCharsets.ISO_8859_1));

        assertThat(contrl.segment("UNB")).containsExactly("UNB", "UNOA:2", "INTERCHANGE:14", "GLOBEXEU:14",
                "261125:1030", "IC0042");
        assertThat(contrl.segment("UCI")).containsExactly("UCI", "GX0002", "GLOBEXEU:14", "INTERCHANGE:14", "8");
        assertThat(contrl.all("UCM")).isEmpty();
    }

    private String write(InterchangeResult interchange, AckPolicy policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(interchange, policy, NUMBERS, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static InterchangeResult readString(String edi) {
        Collected collected = new Collected();
        new EdiInterchangeReader().read(new java.io.ByteArrayInputStream(edi.getBytes(StandardCharsets.ISO_8859_1)),
                collected);
        return collected.interchanges.get(0);
    }
}
