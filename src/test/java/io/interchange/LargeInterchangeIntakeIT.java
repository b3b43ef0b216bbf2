package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.interchange.support.HeapWatch;
import io.interchange.support.Http;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A partner drops a 100 MB interchange of 2,600 purchase orders of 100 to 150 lines each into the
 * embedded SFTP drop box with a real SFTP client, and the runtime takes it in a 256 MB heap: the
 * file streams through the reader, every order reaches the bus, the 997 accepts every transaction.
 *
 * <p>Why few large orders rather than many small ones: the claim under test is about the file, that
 * a 100 MB interchange does not need a heap proportional to its size, and the intake's cost is
 * mostly per order (a mapping, a canonical schema check, a tracking row and a message on the bus
 * each). The same 100 MB as 330,000 two-line orders ran at about 320 orders/s, a quarter of an hour;
 * as 2,600 orders of 100 to 150 lines (about 40 KB each) it takes about two minutes on a shared
 * two-core machine, and every byte still goes through the same streaming reader, syntax
 * validation, mapping and bus. Each line is a PO1 with three 80-character PID descriptions: the
 * codec's per-element validation costs more on PO1 (25 elements in the dictionary) than on PID,
 * so long descriptions make the megabytes with fewer PO1s.
 *
 * <p>Runs in the surefire execution {@code small-heap}, a JVM of its own with {@code -Xmx256m} (pom.xml), and checks that
 * it does. The ERP side is stopped ({@code process-orders}): this is about intake, and the orders
 * waiting on the queue are what the broker must page out of the heap. Set
 * {@code -Dinterchange.test.large-orders=n} to try a smaller file.
 */
@Tag("small-heap")
class LargeInterchangeIntakeIT {

    private static final int FULL_SIZE = 2_600;
    private static final int ORDERS = Integer.getInteger("interchange.test.large-orders", FULL_SIZE);
    /** Item lines per order: from FIRST_LINES to FIRST_LINES + LINE_SPREAD - 1, 125 on average. */
    private static final int FIRST_LINES = 100;
    private static final int LINE_SPREAD = 51;
    private static final long MEGABYTE = 1024L * 1024;
    private static final long MAX_HEAP = 256 * MEGABYTE;
    private static final String ICN = "000004242";
    private static final String GROUP = "4242";

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static Http api;
    private static int sftpPort;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        // the test registry caps acme at 2 MB; this file is fifty times that
        registry.write(PartnerRegistryFile.examplePartners("").replace("max-file-bytes: 2000000",
                "max-file-bytes: " + 200 * MEGABYTE));
        sftpPort = io.interchange.support.FreePorts.next();
        interchange = RunningInterchange.start(erp, registry.dropBoxProperties(sftpPort));
        api = interchange.http();
        await().atMost(Duration.ofSeconds(20)).until(() -> interchange.context().getRoute("intake-sftp-acme") != null);
    }

    @AfterAll
    static void stop() {
        if (interchange != null) {
            interchange.close();
        }
        if (erp != null) {
            erp.close();
        }
    }

    @Test
    void hundredMegabyteInterchangeIsTakenInWithA256MegabyteHeap() throws Exception {
        assertThat(HeapWatch.maxHeap()).as("max heap of this JVM (surefire execution small-heap)")
                .isLessThanOrEqualTo(MAX_HEAP);
        interchange.context().getRouteController().stopRoute("process-orders");

        try (HeapWatch heap = HeapWatch.start();
                SftpAccount acme = SftpAccount.login(sftpPort, "acme", PartnerRegistryFile.PASSWORD);
                SftpAccount intake = SftpAccount.login(sftpPort, "interchange", "test-service-secret")) {
            long started = System.nanoTime();
            long size;
            // uploaded under a temporary name and renamed when complete, as careful clients do
            try (CountingOutputStream upload = new CountingOutputStream(acme.open("inbound/large.edi.part"))) {
                writeInterchange(upload, ORDERS);
                size = upload.count;
            }
            acme.rename("inbound/large.edi.part", "inbound/large.edi");
            long uploaded = System.nanoTime();
            if (ORDERS >= FULL_SIZE) {
                assertThat(size).isGreaterThanOrEqualTo(100 * MEGABYTE);
            }

            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    placed(intake, "/archive/acme") || placed(intake, "/error/acme"));
            long processed = System.nanoTime();
            assertThat(intake.list("/error/acme")).isEmpty();
            assertThat(intake.list("/archive/acme")).singleElement().asString().endsWith("-large.edi");
            assertThat(acme.list("inbound")).isEmpty();

            List<String> acknowledgements = acme.list("outbound").stream().filter(n -> n.startsWith("997-")).toList();
            assertThat(acknowledgements).hasSize(1);
            try (InputStream in = acme.read("outbound/" + acknowledgements.get(0))) {
                AckTally tally = AckTally.of(in);
                assertThat(tally.ak1).containsExactly("AK1", "PO", GROUP);
                assertThat(tally.transactions).isEqualTo(ORDERS);
                assertThat(tally.accepted).isEqualTo(ORDERS);
                assertThat(tally.other).as("segments other than AK2/AK5*A in the body").isEmpty();
                assertThat(tally.ak9).containsExactly("AK9", "A", String.valueOf(ORDERS), String.valueOf(ORDERS),
                        String.valueOf(ORDERS));
            }

            assertThat(interchange.queue("orders.inbound").getMessagesAdded()).isEqualTo(ORDERS);
            assertThat(interchange.queue("orders.inbound").getMessageCount()).isEqualTo(ORDERS);
            String last = "L-" + ORDERS;
            assertThat(api.getJson("/api/v1/orders?partnerId=acme&externalOrderNumber=" + last).path("documents")
                    .get(0).path("edi").path("transactionControlNumber").asText()).isEqualTo(String.format("%09d", ORDERS));

            System.out.printf("Large interchange: %,d orders (%d-%d lines each), %,d bytes (%.1f MB); upload %d s, intake %d s;"
                            + " max heap %d MB, peak heap used %d MB, peak heap after GC %d MB%n",
                    ORDERS, FIRST_LINES, FIRST_LINES + LINE_SPREAD - 1, size, size / (double) MEGABYTE, Duration.ofNanos(uploaded - started).toSeconds(),
                    Duration.ofNanos(processed - uploaded).toSeconds(), HeapWatch.maxHeap() / MEGABYTE,
                    heap.peakUsed() / MEGABYTE, heap.peakAfterGc() / MEGABYTE);
        }
    }

    private static boolean placed(SftpAccount intake, String folder) {
        return intake.listQuietly(folder).stream().anyMatch(n -> n.endsWith("-large.edi"));
    }

    /**
     * One interchange, one group, {@code orders} 850s of {@link #FIRST_LINES} to
     * {@code FIRST_LINES + LINE_SPREAD - 1} item lines each (a PO1 with three PIDs), written as they are made.
     */
    private static void writeInterchange(OutputStream target, int orders) throws IOException {
        Writer out = new OutputStreamWriter(new BufferedOutputStream(target, 256 * 1024), StandardCharsets.US_ASCII);
        out.write("ISA*00*          *00*          *ZZ*ACMEPARTNER    *ZZ*INTERCHANGE    *261125*1030*U*00401*"
                + ICN + "*0*P*>~\n");
        out.write("GS*PO*ACMEPARTNER*INTERCHANGE*20261125*1030*" + GROUP + "*X*004010~\n");
        for (int i = 1; i <= orders; i++) {
            String control = String.format("%09d", i);
            int lines = linesOf(i);
            out.write("ST*850*" + control + "~\n");
            out.write("BEG*00*SA*L-" + i + "**20261125~\n");
            out.write("DTM*002*20261203~\n");
            String store = String.format("%04d", i % 500);
            out.write("N1*ST*ACME STORE " + store + " - SPRINGFIELD IL - RECEIVING DOCK 4*92*" + store + "~\n");
            for (int line = 1; line <= lines; line++) {
                int item = (i * 7 + line) % 900;
                String sku = String.format("%03d", item);
                out.write("PO1*" + line + "*" + (1 + (i + line) % 40) + "*EA*12.50**VP*WIDGET-STAINLESS-RED-" + sku
                        + "*UP*012345678905~\n");
                // three free-form descriptions of 80 characters (PID05's maximum), as partners split
                // long texts; the mapping takes the first
                out.write("PID*F****STAINLESS STEEL WIDGET " + sku + ", RED, BOXED BY TWELVE, FOR THE PICKLIST OF STORE "
                        + store + "~\n");
                out.write("PID*F****KEEP DRY AND UPRIGHT; STACK AT MOST FOUR BOXES HIGH ON THE RECEIVING DOCK " + sku + "~\n");
                out.write("PID*F****SHELF LABEL: WIDGET " + sku + " RED - PRICE PER EACH - SCAN THE UPC ON THE BOX AT TILL~\n");
            }
            out.write("CTT*" + lines + "~\n");
            out.write("SE*" + (6 + 4 * lines) + "*" + control + "~\n");
        }
        out.write("GE*" + orders + "*" + GROUP + "~\n");
        out.write("IEA*1*" + ICN + "~\n");
        out.flush();
    }

    private static int linesOf(int order) {
        return FIRST_LINES + order % LINE_SPREAD;
    }

    /**
     * The 997 read segment by segment as it downloads: AK1 and AK9 element by element, AK2/AK5
     * pairs counted, anything else inside the transaction set kept for the failure message.
     */
    private static final class AckTally {
        List<String> ak1;
        List<String> ak9;
        int transactions;
        int accepted;
        final List<String> other = new ArrayList<>();

        static AckTally of(InputStream download) throws IOException {
            AckTally tally = new AckTally();
            InputStream in = new BufferedInputStream(download, 64 * 1024);
            StringBuilder segment = new StringBuilder();
            String previous = null;
            int c;
            while ((c = in.read()) >= 0) {
                if (c != '~') {
                    segment.append((char) c);
                    continue;
                }
                String text = segment.toString().strip();
                segment.setLength(0);
                String tag = text.length() >= 3 ? text.substring(0, text.indexOf('*') < 0 ? text.length() : text.indexOf('*')) : text;
                switch (tag) {
                    case "AK1" -> tally.ak1 = List.of(text.split("\\*", -1));
                    case "AK9" -> tally.ak9 = List.of(text.split("\\*", -1));
                    case "AK2" -> tally.transactions++;
                    case "AK5" -> {
                        if (text.equals("AK5*A") && previous != null && previous.startsWith("AK2*850*")) {
                            tally.accepted++;
                        } else {
                            tally.other.add(text);
                        }
                    }
                    case "ISA", "GS", "ST", "SE", "GE", "IEA" -> {
                        // the envelope of the 997 itself
                    }
                    default -> tally.other.add(text);
                }
                previous = text;
            }
            return tally;
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count += length;
        }
    }
}
