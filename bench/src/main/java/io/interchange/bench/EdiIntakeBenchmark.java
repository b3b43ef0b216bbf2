package io.interchange.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.interchange.canonical.CanonicalSchemas;
import io.interchange.edi.EdiHandler;
import io.interchange.edi.EdiInterchangeReader;
import io.interchange.edi.EdiTransaction;
import io.interchange.edi.ReadSummary;
import io.interchange.edi.intake.EdiOrderAdmission;
import io.interchange.edi.intake.OrderMapping;
import io.interchange.mapping.JsltTemplates;
import io.interchange.model.CanonicalJson;
import io.interchange.model.Order;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.support.FreePorts;
import io.interchange.support.PartnerRegistryFile;
import io.interchange.support.RunningInterchange;
import io.interchange.support.SftpAccount;
import io.interchange.support.TestErp;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.Queue;

/**
 * EDI intake throughput in purchase orders per second against a raw StAEDI parse of the same file,
 * measured in the same run: each repetition writes one X12 850 interchange of acme's (new PO
 * numbers, new ISA13) and puts it through
 * <ol>
 *   <li>a raw StAEDI read: every event of the file, nothing done with them (the baseline);</li>
 *   <li>{@link EdiInterchangeReader} with schema validation and a transaction tree per 850, the
 *       trees counted and dropped;</li>
 *   <li>the same plus acme's JSLT mapping and the canonical order schema, orders dropped;</li>
 *   <li>the bus alone: as many persistent messages as the file has orders, each the size of its
 *       canonical order with the admission's JMS properties, sent by one thread through the
 *       runtime's connection factory with one commit per {@code interchange.sftp.intake.admission-batch}
 *       messages, as the admission sends them; nothing parsed, nothing tracked (the ceiling of any
 *       intake that puts every order durably on the bus before it acknowledges the file);</li>
 *   <li>the running runtime: a real SFTP client puts the file into acme's {@code inbound/} (under a
 *       temporary name, renamed when complete, as careful partners do); timed from the rename until
 *       the file is archived and every order is on {@code orders.inbound}: poll and read lock,
 *       parse, validation, mapping, schema, business key and tracking row, persistent send, the 997
 *       and the interchange register.</li>
 * </ol>
 * As in {@link IntakeBenchmark} the ERP consumer is stopped: the figures are the intake's alone.
 * One warm-up repetition (not reported) runs first. The last line is the {@link RatioLine} of
 * {@code edi-intake}: the SFTP intake against the raw parse.
 *
 * <p>Arguments: [orders per file, default 20000] [repetitions, default 3].
 */
public final class EdiIntakeBenchmark {

    private static final String PARTNER = "acme";
    private static final String BUS_ALONE_QUEUE = "bench.bus-alone";

    private EdiIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // ISA13 and PO numbers of this run: distinct from any earlier run's, one block per repetition
        long runBase = System.currentTimeMillis() / 1000 % 100_000 * 1000;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path workDir = Files.createTempDirectory("edi-bench-");

        // acme's test registry entry caps files at 2 MB; the default limit (200 MB) applies here
        String partners = PartnerRegistryFile.examplePartners("");
        if (!partners.contains("max-file-bytes: 2000000")) {
            throw new IllegalStateException("PartnerRegistryFile changed: acme's file limit not found");
        }
        PartnerRegistryFile registry = PartnerRegistryFile.create();
        registry.write(partners.replace("max-file-bytes: 2000000", "max-file-bytes: 209715200"));
        int sftpPort = FreePorts.next();

        try (TestErp erp = TestErp.start();
                RunningInterchange interchange = RunningInterchange.start(erp, Map.of(
                        "interchange.partners.file", registry.path().toString(),
                        "interchange.sftp.port", String.valueOf(sftpPort),
                        "interchange.sftp.service-password", "bench-service-secret",
                        // the file is picked up within ~0.3 s of its rename rather than ~2 s
                        "interchange.sftp.intake.poll-ms", "100",
                        "interchange.sftp.intake.read-lock-check-ms", "100",
                        "interchange.sftp.intake.read-lock-min-age-ms", "100",
                        // processing is stopped, so the backlog is the point: without this the
                        // backpressure gate pauses the SFTP intake after the first file
                        "interchange.backpressure.max-depth", "100000000",
                        "interchange.backpressure.resume-depth", "50000000"))) {
            awaitRoute(interchange, "intake-sftp-" + PARTNER);
            interchange.context().getRouteController().stopRoute("process-orders");

            Partner acme = interchange.bean("partnerDirectory", PartnerDirectory.class).require(PARTNER);
            EdiOrderAdmission mapping = new EdiOrderAdmission(
                    new OrderMapping(Path.of(interchange.property("interchange.mappings.dir")),
                            interchange.bean("jsltTemplates", JsltTemplates.class)),
                    interchange.bean("canonicalSchemas", CanonicalSchemas.class), null, null, null, null);
            Path sftpRoot = Path.of(interchange.property("interchange.sftp.root"));
            Intake intake = new Intake(interchange.queue("orders.inbound"),
                    sftpRoot.resolve("archive").resolve(PARTNER), sftpRoot.resolve("error").resolve(PARTNER));
            BusAlone busAlone = new BusAlone(interchange.bean("jmsConnectionFactory", ConnectionFactory.class),
                    Integer.parseInt(interchange.property("interchange.sftp.intake.admission-batch")), interchange);

            List<Repetition> measured = new ArrayList<>();
            try (SftpAccount partner = SftpAccount.login(sftpPort, PARTNER, PartnerRegistryFile.PASSWORD)) {
                for (int r = 0; r <= repetitions; r++) {
                    long icn = runBase + r;
                    PurchaseOrderFile file = PurchaseOrderFile.write(workDir.resolve("acme-850-" + icn + ".edi"),
                            orders, icn, "B" + runId + "R" + r);
                    Repetition repetition = repeat(file, acme, mapping, intake, busAlone, partner);
                    System.out.println((r == 0 ? "warm-up  " : "run " + r + "    ") + repetition.row());
                    if (r > 0) {
                        measured.add(repetition);
                    }
                    Files.delete(file.path());
                }
            }
            report(orders, measured, intake);
        }
    }

    private static Repetition repeat(PurchaseOrderFile file, Partner acme, EdiOrderAdmission mapping, Intake intake,
            BusAlone busAlone, SftpAccount partner) throws Exception {
        Timed raw = Timed.of(() -> rawStaedi(file.path()));
        Timed read = Timed.of(() -> readerOnly(file.path(), transaction -> {
        }));
        // the bus-alone messages are the size of the file's first order as the admission serialises it
        int[] bodyChars = {0};
        Timed mapped = Timed.of(() -> readerOnly(file.path(), transaction -> {
            var order = mapping.prepare(acme, transaction.tree());
            if (bodyChars[0] == 0) {
                bodyChars[0] = canonicalJson(mapping.canonical(order)).length();
            }
        }));
        Timed bus = Timed.of(() -> busAlone.send(file.orders(), bodyChars[0]));
        Intake.Result admitted = intake.run(partner, file);
        for (long count : new long[] {raw.count(), read.count(), mapped.count(), bus.count(), admitted.enqueued()}) {
            if (count != file.orders()) {
                throw new IllegalStateException("expected " + file.orders() + " orders, counted " + count);
            }
        }
        return new Repetition(file.size(), raw, read, mapped, bus, admitted);
    }

    /** The order as the admission serialises it for the bus (with a document id, as there). */
    private static String canonicalJson(Order order) {
        try {
            return CanonicalJson.mapper().writeValueAsString(order.withIdentity(UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), "edi"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event of the file through a bare StAEDI reader; the transactions counted, nothing else. */
    private static long rawStaedi(Path file) throws Exception {
        long transactions = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
                EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                if (reader.next() == EDIStreamEvent.START_TRANSACTION) {
                    transactions++;
                }
            }
        }
        return transactions;
    }

    /** Interchange's reader (envelope, schema validation, transaction trees); {@code each} valid 850 to the given step. */
    private static long readerOnly(Path file, Consumer<EdiTransaction> each) throws IOException {
        long[] valid = {0};
        ReadSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = new EdiInterchangeReader().read(in, new EdiHandler() {
                @Override
                public void onTransaction(EdiTransaction transaction) {
                    if (transaction.valid()) {
                        each.accept(transaction);
                        valid[0]++;
                    }
                }
            });
        }
        if (summary.transactions() != valid[0]) {
            throw new IllegalStateException((summary.transactions() - valid[0]) + " invalid transactions in the generated file");
        }
        return valid[0];
    }

    private static void awaitRoute(RunningInterchange interchange, String routeId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (interchange.context().getRoute(routeId) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("route " + routeId + " did not start");
            }
            Thread.sleep(100);
        }
    }

    private static void report(int orders, List<Repetition> measured, Intake intake) {
        double raw = median(measured.stream().mapToDouble(r -> r.raw().perSecond()));
        double read = median(measured.stream().mapToDouble(r -> r.read().perSecond()));
        double mapped = median(measured.stream().mapToDouble(r -> r.mapped().perSecond()));
        double bus = median(measured.stream().mapToDouble(r -> r.bus().perSecond()));
        double admitted = median(measured.stream().mapToDouble(r -> r.admitted().perSecond()));
        double pickUp = median(measured.stream().mapToDouble(r -> r.admitted().pickUpSeconds()));
        System.out.println();
        System.out.printf("Interchange EDI intake benchmark: %d X12 850 orders per file (%.1f MB), %d repetitions, "
                        + "%d cores, load average %.1f, Java %s%n",
                orders, measured.get(0).fileBytes() / 1_000_000.0, measured.size(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        System.out.println("median POs/s of the repetitions:");
        System.out.printf("  %-58s %9.0f POs/s   1%n", "raw StAEDI parse (every event, nothing else)", raw);
        System.out.printf("  %-58s %9.0f POs/s   1/%.1f of raw%n", "EdiInterchangeReader: parse + validate + trees", read, raw / read);
        System.out.printf("  %-58s %9.0f POs/s   1/%.1f of raw%n", "  + JSLT mapping + canonical schema", mapped, raw / mapped);
        System.out.printf("  %-58s %9.0f POs/s   1/%.1f of raw%n", "bus alone: persistent sends, one commit per batch",
                bus, raw / bus);
        System.out.printf("  %-58s %9.0f POs/s   1/%.1f of raw%n", "SFTP intake: + tracking, persistent enqueue, 997, archive",
                admitted, raw / admitted);
        System.out.printf("ratio intake/raw: %.4f, bus alone/raw: %.4f, intake/bus alone: %.4f"
                        + "   (first order on the queue %.2f s after the rename)%n",
                admitted / raw, bus / raw, admitted / bus, pickUp);
        System.out.printf("orders durable on orders.inbound: %d%n", intake.queue().getMessageCount());
        new RatioLine("edi-intake", measured.stream().mapToDouble(r -> r.admitted().perSecond()).toArray(),
                measured.stream().mapToDouble(r -> r.raw().perSecond()).toArray()).print();
    }

    private static double median(DoubleStream values) {
        return RatioLine.median(values.toArray());
    }

    /** A step run once over the whole file: how many orders it counted and how long it took. */
    private record Timed(long count, double seconds) {

        interface Step {
            long run() throws Exception;
        }

        static Timed of(Step step) throws Exception {
            long start = System.nanoTime();
            long count = step.run();
            return new Timed(count, (System.nanoTime() - start) / 1e9);
        }

        double perSecond() {
            return count / seconds;
        }
    }

    private record Repetition(long fileBytes, Timed raw, Timed read, Timed mapped, Timed bus, Intake.Result admitted) {

        String row() {
            return String.format("raw %8.0f   reader %7.0f   +map %7.0f   bus alone %6.0f   intake %6.0f POs/s"
                            + " (%.1f s, pick-up %.2f s)   intake/raw %.4f",
                    raw.perSecond(), read.perSecond(), mapped.perSecond(), bus.perSecond(), admitted.perSecond(),
                    admitted.seconds(), admitted.pickUpSeconds(), admitted.perSecond() / raw.perSecond());
        }
    }

    /**
     * The bus alone: {@code orders} persistent text messages of a canonical order's size, with the
     * admission's properties, one commit per {@code batch}, then removed from the broker again.
     */
    private record BusAlone(ConnectionFactory connectionFactory, int batch, RunningInterchange interchange) {

        long send(int orders, int bodyChars) throws Exception {
            String body = "x".repeat(bodyChars);
            Map<String, Object> headers = DurableEcho.busHeaders("edi", PARTNER, "BUS-ALONE-0");
            try (Connection connection = connectionFactory.createConnection();
                    Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                MessageProducer producer = session.createProducer(session.createQueue(BUS_ALONE_QUEUE));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int sent = 0; sent < orders; sent++) {
                    TextMessage message = session.createTextMessage(body);
                    for (Map.Entry<String, Object> header : headers.entrySet()) {
                        message.setObjectProperty(header.getKey(), header.getValue());
                    }
                    producer.send(message);
                    if ((sent + 1) % batch == 0 || sent + 1 == orders) {
                        session.commit();
                    }
                }
            }
            Queue queue = interchange.queue(BUS_ALONE_QUEUE);
            long count = queue.getMessageCount();
            queue.deleteAllReferences();
            return count;
        }
    }

    /** The file through the running runtime, as acme would send it. */
    private record Intake(Queue queue, Path archive, Path error) {

        record Result(long enqueued, double seconds, double pickUpSeconds) {
            double perSecond() {
                return enqueued / seconds;
            }
        }

        Result run(SftpAccount partner, PurchaseOrderFile file) throws Exception {
            byte[] content = Files.readAllBytes(file.path());
            long before = queue.getMessagesAdded();
            String name = file.fileName();
            partner.put("inbound/" + name + ".part", content);
            partner.rename("inbound/" + name + ".part", "inbound/" + name);
            long start = System.nanoTime();
            long firstOrder = -1;
            long deadline = start + Duration.ofSeconds(60).toNanos() + file.orders() * Duration.ofMillis(50).toNanos();
            while (true) {
                long now = System.nanoTime();
                long enqueued = queue.getMessagesAdded() - before;
                if (firstOrder < 0 && enqueued > 0) {
                    firstOrder = now;
                }
                if (enqueued >= file.orders() && holds(archive, name)) {
                    return new Result(enqueued, (now - start) / 1e9, (firstOrder - start) / 1e9);
                }
                if (holds(error, name)) {
                    throw new IllegalStateException(name + " refused, see " + error);
                }
                if (now > deadline) {
                    throw new IllegalStateException(name + ": " + enqueued + " of " + file.orders()
                            + " orders enqueued, file not archived in time");
                }
                // a bench poll, not a test wait: 5 ms is well under the run's resolution
                Thread.sleep(5);
            }
        }

        private static boolean holds(Path folder, String name) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith("-" + name));
            }
        }
    }
}
