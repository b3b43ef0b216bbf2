import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.interchange.Interchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Webhook intake throughput against a raw echo route on the same server: what signature check,
 * JSON parsing, delivery-id dedup, JSLT mapping, schema validation and the durable send cost per
 * request. Everything runs on this machine (loopback only), bounded in requests and time.
 *
 * <pre>
 *   mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 *   java -cp "target/classes:$(cat target/classpath.txt)" bench/WebhookIntakeBench.java [requests] [clients]
 * </pre>
 */
public class WebhookIntakeBench {

    private static final String SECRET = "bench-secret-" + UUID.randomUUID();
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(1_000_000);

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("interchange-bench-");
        int port = freePort();
        int erpPort = freePort();
        // the shop's own limit (50/s in webhooks.yaml) would measure the limiter, not the path
        Path config = data.resolve("webhooks.yaml");
        Files.writeString(config, Files.readString(Path.of("mappings/webhooks.yaml"))
                .replace("rateLimit: { requests: 50, perSeconds: 1 }", "rateLimit: { requests: 1000000, perSeconds: 1 }"));
        Main main = Interchange.create(Map.of(
                "interchange.webhooks.config", config.toString(),
                "interchange.data.dir", data.toString(),
                "interchange.http.port", String.valueOf(port),
                "interchange.erp-sandbox.port", String.valueOf(erpPort),
                "interchange.erp.url", "http://localhost:" + erpPort + "/erp/api",
                "interchange.broker.embedded.acceptor", "tcp://localhost:" + freePort() + "?protocols=CORE,AMQP",
                "interchange.webhook.shop.secret", SECRET,
                "camel.main.routesReloadEnabled", "false"));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // the baseline: the same server and HTTP handling, and nothing else
                from("platform-http:/bench/echo?httpMethodRestrict=POST").routeId("bench-echo")
                        .setBody(body().convertTo(byte[].class));
            }
        });
        main.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            byte[] sample = Files.readAllBytes(Path.of("src/test/resources/webhooks/shopify-orders-create.json"));

            LongFunction<HttpRequest> echo = i -> post(base + "/bench/echo", sample, Map.of());
            LongFunction<HttpRequest> order = i -> {
                byte[] body = new String(sample, StandardCharsets.UTF_8)
                        .replace("\"order_number\": 1042", "\"order_number\": " + ORDER_NUMBERS.incrementAndGet())
                        .getBytes(StandardCharsets.UTF_8);
                return post(base + "/webhooks/shop", body, shopHeaders("orders/create", body));
            };
            LongFunction<HttpRequest> restOrder = i -> post(base + "/api/v1/orders", ("{\"source\":{\"partnerId\":\"bench\"},"
                    + "\"header\":{\"externalOrderNumber\":\"B-" + ORDER_NUMBERS.incrementAndGet() + "\",\"orderDate\":\"2026-11-20\","
                    + "\"currency\":\"USD\"},\"parties\":[{\"role\":\"buyer\",\"id\":\"C-1\"}],\"lines\":[{\"lineNumber\":1,"
                    + "\"sku\":\"WIDGET-RED\",\"quantity\":3,\"unitOfMeasure\":\"EA\",\"unitPrice\":12.5},{\"lineNumber\":2,"
                    + "\"sku\":\"GADGET-BLUE\",\"quantity\":1,\"unitOfMeasure\":\"EA\",\"unitPrice\":50}]}")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            LongFunction<HttpRequest> ignored = i -> post(base + "/webhooks/shop", sample, shopHeaders("carts/update", sample));

            // warm-up without orders: booked orders keep the ERP flow busy in the background
            run("warm-up echo", client, echo, Math.min(1000, requests), clients);
            run("warm-up webhook", client, ignored, Math.min(1000, requests), clients);
            Result baseline = run("raw echo route", client, echo, requests, clients);
            Result ignoredTopic = run("webhook, ignored topic (signature, JSON, dedup insert)", client, ignored, requests, clients);
            Result rest = run("REST POST /api/v1/orders (schema, tracking, durable send)", client, restOrder, requests, clients);
            Result orders = run("webhook orders/create (+ JSLT, schema, tracking, durable send)", client, order, requests, clients);
            System.out.printf("%nratio echo/webhook: ignored topic %.1fx, orders/create %.1fx; REST order/webhook order %.2fx%n",
                    baseline.perSecond() / ignoredTopic.perSecond(), baseline.perSecond() / orders.perSecond(),
                    rest.perSecond() / orders.perSecond());
        } finally {
            main.stop();
        }
    }

    record Result(String name, int requests, double seconds, long[] latenciesMicros, int failures) {
        double perSecond() {
            return requests / seconds;
        }

        long percentile(double p) {
            return latenciesMicros[Math.min(latenciesMicros.length - 1, (int) Math.ceil(p * latenciesMicros.length) - 1)];
        }
    }

    private static Result run(String name, HttpClient client, LongFunction<HttpRequest> request, int requests, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<Future<List<long[]>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<long[]> samples = new ArrayList<>();
                long i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    HttpRequest r = request.apply(i);
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(r, HttpResponse.BodyHandlers.discarding());
                    samples.add(new long[] {(System.nanoTime() - t0) / 1000, response.statusCode()});
                }
                return samples;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> worker : workers) {
            all.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(s -> s[0]).sorted().toArray();
        int failures = (int) all.stream().filter(s -> s[1] >= 300).count();
        Result result = new Result(name, all.size(), seconds, latencies, failures);
        if (!name.startsWith("warm-up")) {
            System.out.printf("%-66s %6d req %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d%n", name, result.requests(),
                    result.perSecond(), result.percentile(0.50) / 1000.0, result.percentile(0.99) / 1000.0, failures);
        }
        return result;
    }

    private static Map<String, String> shopHeaders(String topic, byte[] body) {
        return Map.of("X-Shopify-Topic", topic, "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(hmac(body)));
    }

    private static HttpRequest post(String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    private static byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
