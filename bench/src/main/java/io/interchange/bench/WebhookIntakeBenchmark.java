package io.interchange.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import io.interchange.support.RouteFiles;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import io.interchange.webhook.WebhookDeliveries;
import org.apache.camel.builder.RouteBuilder;

/**
 * Webhook intake throughput and latency against a raw platform-http echo route, measured in the same
 * run on the same server, with the shop's Shopify-style deliveries:
 * <ol>
 *   <li>the raw echo route, with the shop's orders/create sample as body (the baseline);</li>
 *   <li>a signed delivery whose topic has no mapping: source lookup, rate limiter, size check, HMAC
 *       over the raw bytes, JSON parsing, delivery-id insert in the JDBC idempotent repository, 202;</li>
 *   <li>a signed orders/create delivery, each a new order: everything in 2, plus the JSLT mapping, the
 *       canonical schema check, the tracking row and the persistent send to orders.inbound, 202.</li>
 * </ol>
 * As in {@link IntakeBenchmark} the ERP consumer is stopped: the figures are the intake's alone.
 *
 * <p>The three are measured in turn, {@code repetitions} times ({@link Alternation}); the last line is
 * the {@link RatioLine} of {@code webhook-intake}: orders enqueued against the echo route.
 *
 * <p>Arguments: [seconds per run, default 20] [client threads, default 16] [repetitions, default 3].
 */
public final class WebhookIntakeBenchmark {

    private static final String SECRET = "bench-secret-" + UUID.randomUUID();

    private WebhookIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // the shop's own rate limit (mappings/webhooks.yaml) would measure the limiter, not the path
        RouteFiles files = RouteFiles.copyOfRepository();
        files.replace("mappings/webhooks.yaml", "rateLimit: { requests: 50, perSeconds: 1 }",
                "rateLimit: { requests: 1000000, perSeconds: 1 }");
        try (TestErp erp = TestErp.start();
                RunningInterchange interchange = RunningInterchange.start(erp, Map.of(
                        "interchange.mappings.dir", files.mappings().toString(),
                        "interchange.webhook.shop.secret", SECRET,
                        // processing is stopped, so the backlog grows: the backpressure gate stays open
                        "interchange.backpressure.max-depth", "100000000",
                        "interchange.backpressure.resume-depth", "50000000"))) {
            interchange.context().getRouteController().stopRoute("process-orders");
            interchange.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/bench/echo?httpMethodRestrict=POST").routeId("bench-echo")
                            .setHeader("CamelHttpResponseCode", constant(200));
                }
            });
            URI base = interchange.http().get("/observe/health").uri().resolve("/");
            URI echoUri = base.resolve("bench/echo");
            URI shopUri = base.resolve("webhooks/shop");
            HttpLoad load = new HttpLoad(clients);
            byte[] sample = WebhookDeliveries.shopOrder(1042);
            long runId = System.currentTimeMillis() % 1_000_000 * 1_000_000;
            IntFunction<HttpRequest> echo = i -> request(echoUri, sample, Map.of());
            IntFunction<HttpRequest> ignored = i -> signed(shopUri, "carts/update", sample);
            IntFunction<HttpRequest> warmUpOrder = i -> signed(shopUri, "orders/create", WebhookDeliveries.shopOrder(runId + i));
            // order numbers of each measured run start after those of the warm-up and the runs before
            IntFunction<IntFunction<HttpRequest>> order = r -> i -> signed(shopUri, "orders/create",
                    WebhookDeliveries.shopOrder(runId + r * 200_000L + i));

            load.run("warm-up echo", 200, echo, WarmUp.baseline());
            load.run("warm-up ignored topic", 202, ignored, WarmUp.baseline());
            load.run("warm-up order", 202, warmUpOrder, WarmUp.subject());

            List<List<LoadRun>> runs = Alternation.run(repetitions,
                    r -> load.run("raw platform-http echo", 200, echo, duration),
                    r -> load.run("webhook, ignored topic", 202, ignored, duration),
                    r -> load.run("webhook -> order enqueued", 202, order.apply(r), duration));
            List<LoadRun> rawEcho = runs.get(0);
            List<LoadRun> ignoredTopic = runs.get(1);
            List<LoadRun> orders = runs.get(2);

            System.out.println();
            System.out.printf("Interchange webhook intake benchmark: %d clients, %d s per run, %d repetitions, body %d bytes, %s cores%n",
                    clients, duration.toSeconds(), repetitions, sample.length, Runtime.getRuntime().availableProcessors());
            for (int r = 0; r < repetitions; r++) {
                System.out.printf("run %d  throughput echo/ignored topic: %.2fx   echo/order: %.2fx   p50 latency x%.1f / x%.1f%n",
                        r + 1, rawEcho.get(r).throughput() / ignoredTopic.get(r).throughput(),
                        rawEcho.get(r).throughput() / orders.get(r).throughput(),
                        ignoredTopic.get(r).percentileMillis(50) / rawEcho.get(r).percentileMillis(50),
                        orders.get(r).percentileMillis(50) / rawEcho.get(r).percentileMillis(50));
            }
            System.out.printf("orders durable on orders.inbound: %d%n", interchange.queue("orders.inbound").getMessageCount());
            RatioLine.of("webhook-intake", orders, rawEcho).print();
        }
    }

    /** A shop delivery as the platform sends it: its topic, a fresh delivery id, the HMAC of the exact bytes. */
    private static HttpRequest signed(URI target, String topic, byte[] body) {
        return request(target, body, Map.of(
                "X-Shopify-Topic", topic,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", WebhookDeliveries.shopify(SECRET, body)));
    }

    private static HttpRequest request(URI target, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }
}
