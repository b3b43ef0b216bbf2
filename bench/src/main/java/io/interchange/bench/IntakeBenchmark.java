package io.interchange.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.apache.camel.builder.RouteBuilder;

/**
 * REST intake throughput and latency against a raw platform-http echo route, measured in the same
 * run on the same server: the ratio is what Interchange's intake (JSON parse, schema validation,
 * business-key registration in the database, persistent send to Artemis) costs over bare HTTP.
 *
 * <p>A third path shows what the design leaves for the rest: the echo route with the intake's durable
 * send and nothing else ({@link DurableEcho}). Any intake that answers only once the order is
 * durable on the bus costs at least that; its ratio to the echo route is the ceiling of the REST path
 * on this design and this machine.
 *
 * <p>The three are measured in turn, {@code repetitions} times ({@link Alternation}); the last line is the
 * {@link RatioLine} of {@code rest-intake}.
 *
 * <p>Arguments: [seconds per run, default 20] [client threads, default 16] [repetitions, default 3].
 */
public final class IntakeBenchmark {

    private static final String DURABLE_QUEUE = "bench.durable-echo";

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        try (TestErp erp = TestErp.start();
                RunningInterchange interchange = RunningInterchange.start(erp, Map.of(
                        // processing is stopped, so the backlog grows: the backpressure gate stays open
                        "interchange.backpressure.max-depth", "100000000",
                        "interchange.backpressure.resume-depth", "50000000"))) {
            // measure intake alone: nothing consumes the queue while the load runs
            interchange.context().getRouteController().stopRoute("process-orders");
            interchange.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/bench/echo?httpMethodRestrict=POST").routeId("bench-echo")
                            .setHeader("CamelHttpResponseCode", constant(200));
                }
            });
            DurableEcho.add(interchange, "durable", DURABLE_QUEUE, () -> false);
            String base = interchange.http().get("/observe/health").uri().resolve("/").toString();
            HttpLoad load = new HttpLoad(clients);
            byte[] sample = Orders.json("bench", "sample").getBytes(StandardCharsets.UTF_8);

            // warm-up of both paths (JIT, pools), then the measured runs
            load.run("warm-up echo", URI.create(base + "bench/echo"), 200, i -> sample, WarmUp.baseline());
            emptied(interchange, load.run("warm-up durable echo", URI.create(base + "bench/durable"), 202, i -> sample,
                    WarmUp.baseline()));
            load.run("warm-up intake", URI.create(base + "api/v1/orders"), 202,
                    i -> order(runId + "-w", i), WarmUp.subject());

            List<List<LoadRun>> runs = Alternation.run(repetitions,
                    r -> load.run("raw platform-http echo", URI.create(base + "bench/echo"), 200, i -> sample, duration),
                    r -> emptied(interchange, load.run("echo + durable send (the bus alone)", URI.create(base + "bench/durable"),
                            202, i -> sample, duration)),
                    r -> load.run("REST intake -> durable enqueue", URI.create(base + "api/v1/orders"), 202,
                            i -> order(runId + "-" + r, i), duration));
            List<LoadRun> echo = runs.get(0);
            List<LoadRun> durable = runs.get(1);
            List<LoadRun> intake = runs.get(2);

            System.out.println();
            System.out.printf("Interchange intake benchmark: %d clients, %d s per run, %d repetitions, body %d bytes, %s cores%n",
                    clients, duration.toSeconds(), repetitions, sample.length, Runtime.getRuntime().availableProcessors());
            for (int r = 0; r < repetitions; r++) {
                System.out.printf("run %d  ratio intake/echo throughput: %.3f   p50 latency x%.1f   p99 latency x%.1f%n", r + 1,
                        intake.get(r).throughput() / echo.get(r).throughput(),
                        intake.get(r).percentileMillis(50) / echo.get(r).percentileMillis(50),
                        intake.get(r).percentileMillis(99) / echo.get(r).percentileMillis(99));
            }
            System.out.printf("orders durable on orders.inbound: %d%n", interchange.queue("orders.inbound").getMessageCount());
            System.out.printf(Locale.ROOT, "the bus alone (echo + durable send) / echo: %.4f, intake / the bus alone: %.4f%n",
                    RatioLine.of("bus-alone", durable, echo).ratio(), RatioLine.of("intake-of-bus", intake, durable).ratio());
            RatioLine.of("rest-intake", intake, echo).print();
        }
    }

    /** The bench queue emptied after a run, so the next one finds the broker as the one before it did. */
    private static LoadRun emptied(RunningInterchange interchange, LoadRun run) throws Exception {
        interchange.queue(DURABLE_QUEUE).deleteAllReferences();
        return run;
    }

    private static byte[] order(String runId, int sequence) {
        return Orders.json("bench", "B-" + runId + "-" + sequence, "WIDGET-RED", "GADGET-BLUE")
                .getBytes(StandardCharsets.UTF_8);
    }
}
