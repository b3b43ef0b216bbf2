package io.interchange.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeInterchangeIT {

    private static final int ORDERS = 50_000;

    @TempDir
    Path directory;

    @Test
    void fiftyThousandOrdersStreamThroughOneTransactionAtATime() throws IOException {
        Path file = directory.resolve("acme-850-large.edi");
        writeInterchange(file, ORDERS);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(12_000_000L);

        StreamingProbe probe = new StreamingProbe();
        ReadSummary summary;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file))) {
            probe.input = in;
            summary = new EdiInterchangeReader().read(in, probe);
        }

        assertThat(summary.transactions()).isEqualTo(ORDERS);
        assertThat(probe.valid).isEqualTo(ORDERS);
        assertThat(probe.lastPurchaseOrder).isEqualTo("PO-" + ORDERS);
        assertThat(probe.group.received()).isEqualTo(ORDERS);
        assertThat(probe.group.problems()).isEmpty();
        // Streaming, not slurping: the first order reached the handler after a sliver of the file was read.
        assertThat(probe.bytesReadAtFirstTransaction).isLessThan(size / 50);
    }

    private static void writeInterchange(Path file, int orders) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261125*1030*U*00401"
                    + "*000000777*0*P*>~\n");
            out.write("GS*PO*ACMEPARTNER*INTERCHANGE*20261125*1030*777*X*004010~\n");
            for (int i = 1; i <= orders; i++) {
                String control = String.format("%09d", i);
                out.write("ST*850*" + control + "~\n");
                out.write("BEG*00*SA*PO-" + i + "**20261125~\n");
                out.write("N1*ST*ACME STORE 12 - SPRINGFIELD IL - RECEIVING DOCK 4*92*0012~\n");
                out.write("PO1*1*10*EA*12.50**VP*WIDGET-RED*UP*012345678905~\n");
                out.write("PID*F****RED WIDGET WITH A LONGER DESCRIPTION FOR THE PICK LIST~\n");
                out.write("PO1*2*5*CS*48.00**VP*GADGET-BLUE*UP*012345678912~\n");
                out.write("CTT*2~\n");
                out.write("SE*8*" + control + "~\n");
            }
            out.write("GE*" + orders + "*777~\n");
            out.write("IEA*1*000000777~\n");
        }
    }

    /** Counts what it is given and keeps nothing of the trees. */
    private static final class StreamingProbe implements EdiHandler {
        CountingInputStream input;
        long bytesReadAtFirstTransaction = -1;
        int valid;
        String lastPurchaseOrder;
        GroupResult group;

        @Override
        public void onTransaction(EdiTransaction transaction) {
            if (bytesReadAtFirstTransaction < 0) {
                bytesReadAtFirstTransaction = input.count;
            }
            if (transaction.valid()) {
                valid++;
            }
            lastPurchaseOrder = transaction.tree().at("/BEG/BEG03").asText();
        }

        @Override
        public void onGroupEnd(GroupResult group) {
            this.group = group;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
