package io.interchange.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interchange as a process of its own ({@code java -cp <test classpath> io.interchange.Interchange}),
 * on free ports and a data directory that outlives it, so a test can {@code kill -9} it and start it
 * again on the same data, as an operator's supervisor would. Its output goes to a log file per run.
 */
public final class InterchangeProcess implements AutoCloseable {

    private final Map<String, String> properties = new TreeMap<>();
    private final Path dataDir;
    private final Path logDir;
    private final int httpPort;
    private final int brokerPort;
    private final int sftpPort;
    private Process process;
    private int runs;

    public InterchangeProcess(Path dataDir, Path logDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.httpPort = FreePorts.next();
        this.brokerPort = FreePorts.next();
        this.sftpPort = FreePorts.next();
        properties.put("interchange.data.dir", dataDir.toString());
        properties.put("interchange.http.port", String.valueOf(httpPort));
        properties.put("interchange.broker.embedded.acceptor", "tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP");
        properties.put("interchange.sftp.port", String.valueOf(sftpPort));
        properties.put("interchange.erp-sandbox.enabled", "false");
        properties.put("interchange.reload.enabled", "false");
        properties.putAll(overrides);
    }

    /** Starts the process and waits until its health check answers UP. */
    public void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        // C1 only: a runtime that starts three times in one test on a busy machine starts faster so
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("io.interchange.Interchange");
        runs++;
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("interchange-run-" + runs + ".log");
            process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http http = http();
        await("Interchange run " + runs + " up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .pollInSameThread().ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Interchange exited with " + process.exitValue()
                                + "; see " + logDir.resolve("interchange-run-" + runs + ".log"));
                    }
                    return http.get("/observe/health").statusCode() == 200;
                });
    }

    /** {@code kill -9} of this process only, and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The port of this process's drop box (the same across restarts, as a partner's address is). */
    public int sftpPort() {
        return sftpPort;
    }

    public Http http() {
        return new Http("http://localhost:" + httpPort);
    }

    /** The password of the admin user {@code ops}, written by Interchange on its first start. */
    public String adminPassword() {
        try {
            return Files.readString(dataDir.resolve("admin-password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
