package io.interchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An X12 004010 interchange from acme (ZZ:ACMEPARTNER) to Interchange: one group of {@code orders}
 * 850 purchase orders shaped like acme's samples, one to three lines each, PO numbers
 * {@code <prefix>-1..n}, interchange control number {@code icn}. Written segment by segment, so a
 * file of any size costs no memory.
 */
record PurchaseOrderFile(Path path, int orders, long icn, String poPrefix) {

    private static final String[] STORES = {
        "N1*ST*ACME DC EAST*92*0100~",
        "N1*ST*ACME STORE 12 - SPRINGFIELD IL - RECEIVING DOCK 4*92*0012~",
        "N1*ST*ACME DC WEST*92*0200~",
    };
    private static final String[] LINES = {
        "*4*EA*3.10**VP*BOLT-M6~",
        "*10*EA*12.50**VP*WIDGET-RED*UP*012345678905~",
        "*5*CS*48.00**VP*GADGET-BLUE*UP*012345678912~",
    };

    static PurchaseOrderFile write(Path path, int orders, long icn, String poPrefix) {
        String control = String.format("%09d", icn);
        String group = Long.toString(icn % 1_000_000_000L);
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            out.write("ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261125*1030*U*00401*"
                    + control + "*0*P*>~\n");
            out.write("GS*PO*ACMEPARTNER*INTERCHANGE*20261125*1030*" + group + "*X*004010~\n");
            for (int i = 1; i <= orders; i++) {
                writeOrder(out, i, poPrefix);
            }
            out.write("GE*" + orders + "*" + group + "~\n");
            out.write("IEA*1*" + control + "~\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PurchaseOrderFile(path, orders, icn, poPrefix);
    }

    private static void writeOrder(Writer out, int sequence, String poPrefix) throws IOException {
        String control = String.format("%09d", sequence);
        int lines = sequence % 3 + 1;
        out.write("ST*850*" + control + "~\n");
        out.write("BEG*00*SA*" + poPrefix + "-" + sequence + "**20261125~\n");
        out.write("DTM*002*20261203~\n");
        out.write(STORES[sequence % STORES.length] + "\n");
        int segments = 6; // ST, BEG, DTM, N1, CTT, SE
        for (int line = 1; line <= lines; line++) {
            out.write("PO1*" + line + LINES[(sequence + line) % LINES.length] + "\n");
            segments++;
            if (line == 2) {
                out.write("PID*F****GADGET WITH A LONGER DESCRIPTION FOR THE PICK LIST~\n");
                segments++;
            }
        }
        out.write("CTT*" + lines + "~\n");
        out.write("SE*" + segments + "*" + control + "~\n");
    }

    long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return path.getFileName().toString();
    }
}
