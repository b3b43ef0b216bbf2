package io.interchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.interchange.support.FreePorts;

/**
 * Start-up of the packaged application as the README runs it: from {@code java -jar
 * target/interchange.jar} (started from the repository root, embedded broker, H2, SFTP drop box and
 * ERP sandbox, on free ports) until {@code /observe/health} answers UP.
 *
 * <p>A first start on a fresh data directory (Flyway migrations, a new broker journal, the host key
 * and the admin password) runs first and is printed but not counted; the measured starts are
 * restarts on that data directory, as an operator's restart is, each process stopped (SIGTERM) before
 * the next. The last line is {@code startup-seconds <median>}. There is no baseline: the target is
 * an absolute time.
 *
 * <p>Needs {@code target/interchange.jar} ({@code ./bench/run} builds it). Arguments: [starts, default
 * 3] [JVM options put before {@code -jar}, e.g. {@code -XX:TieredStopAtLevel=1}, default none].
 */
public final class StartupBenchmark {

    private static final Path JAR = Path.of("target", "interchange.jar");
    private static final Duration MAX_START = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: mvn -q package -DskipTests builds it");
        }
        Path dataDir = Files.createTempDirectory("startup-bench-");
        Launch launch = new Launch(dataDir, jvmOptions);

        System.out.printf(Locale.ROOT, "first start  %6.2f s (fresh data directory, not counted)%n", launch.timeToHealthy(0));
        double[] seconds = new double[starts];
        for (int s = 1; s <= starts; s++) {
            seconds[s - 1] = launch.timeToHealthy(s);
            System.out.printf(Locale.ROOT, "start %d      %6.2f s%n", s, seconds[s - 1]);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Interchange start-up benchmark: java -jar %s %s, %d starts, %d cores, Java %s; logs in %s%n",
                JAR, String.join(" ", jvmOptions), starts, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), dataDir);
        System.out.printf(Locale.ROOT, "startup-seconds %.2f (starts %s s, load %.2f)%n", RatioLine.median(seconds),
                Arrays.stream(seconds).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" / ")),
                RatioLine.loadAverage());
    }

    /** The packaged application on one data directory and one set of free ports, started again and again. */
    private static final class Launch {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private final Path dataDir;
        private final List<String> command = new ArrayList<>();
        private final URI health;

        Launch(Path dataDir, List<String> jvmOptions) {
            this.dataDir = dataDir;
            int httpPort = FreePorts.next();
            int erpPort = FreePorts.next();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // the defaults' ports would clash with anything else on the machine; nothing else differs
            command.add("-Dinterchange.data.dir=" + dataDir);
            command.add("-Dinterchange.http.port=" + httpPort);
            command.add("-Dinterchange.broker.embedded.acceptor=tcp://localhost:" + FreePorts.next() + "?protocols=CORE,AMQP");
            command.add("-Dinterchange.sftp.port=" + FreePorts.next());
            command.add("-Dinterchange.erp-sandbox.port=" + erpPort);
            command.add("-Dinterchange.erp.url=http://localhost:" + erpPort + "/erp/api");
            command.add("-jar");
            command.add(JAR.toString());
            health = URI.create("http://localhost:" + httpPort + "/observe/health");
        }

        /** Seconds from the process start until the health check answers 200 with status UP; then stops it. */
        double timeToHealthy(int run) throws Exception {
            Path log = dataDir.resolve("interchange-start-" + run + ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                while (!healthy()) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Interchange exited with " + process.exitValue() + "; see " + log);
                    }
                    if (System.nanoTime() - started > MAX_START.toNanos()) {
                        throw new IllegalStateException("Interchange not healthy after " + MAX_START + "; see " + log);
                    }
                    // a bench poll, not a test wait: 20 ms is well under the figure's resolution
                    Thread.sleep(20);
                }
                return (System.nanoTime() - started) / 1e9;
            } finally {
                stop(process);
            }
        }

        private boolean healthy() {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && "UP".equals(JSON.readTree(answer.body()).path("status").asText());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** SIGTERM, as a supervisor stops it, so the next start finds a cleanly closed journal and database. */
        private static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
