package io.interchange.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One broker of the Artemis primary/backup pair as a process of its own, from the apache-artemis
 * distribution: an instance made by {@code artemis create}, its broker.xml replaced by the pair's
 * file from docker/, and run in the foreground ({@code artemis run} execs the broker's JVM, so
 * {@link #kill()} is a {@code kill -9} of the broker itself). Ports come in as the system properties
 * the broker file reads.
 */
public final class ArtemisBroker implements AutoCloseable {

    public static final String USER = "interchange";
    public static final String PASSWORD = "cluster-test";

    private final Path home;
    private final Path instance;
    private final Path brokerFile;
    private final int port;
    private final int peerPort;
    private final Path logDir;
    private final String name;
    private Process process;
    private int runs;

    public ArtemisBroker(Path home, Path instance, Path brokerFile, int port, int peerPort, Path logDir) {
        this.home = home;
        this.instance = instance;
        this.brokerFile = brokerFile;
        this.port = port;
        this.peerPort = peerPort;
        this.logDir = logDir;
        this.name = instance.getFileName().toString();
    }

    /** {@code artemis create}: the instance's scripts, users and login configuration. */
    public void create() {
        run(List.of("bash", home.resolve("bin").resolve("artemis").toString(), "create", "--silent", "--force",
                "--no-web", "--no-autotune", "--require-login", "--user", USER, "--password", PASSWORD,
                instance.toString()), logDir.resolve(name + "-create.log"));
        try {
            Files.copy(brokerFile, instance.resolve("etc").resolve("broker.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        runs++;
        ProcessBuilder builder = new ProcessBuilder("bash", instance.resolve("bin").resolve("artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log().toFile());
        // small: four JVMs share this machine; the rest is what artemis.profile would set
        builder.environment().put("JAVA_ARGS", "-Xms64m -Xmx384m -XX:+UseSerialGC -Dlog4j2.disableJmx=true"
                + " --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        builder.environment().put("JAVA_ARGS_APPEND", "-Dartemis.host=127.0.0.1 -Dartemis.bind=127.0.0.1"
                + " -Dartemis.port=" + port + " -Dartemis.peer.host=127.0.0.1 -Dartemis.peer.port=" + peerPort);
        try {
            Files.createDirectories(logDir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until this broker accepts clients (an active primary, or a backup that took over). */
    public void awaitServing(Duration atMost) {
        await(name + " serving on " + port).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .failFast(name + " exited; see " + log(), () -> !process.isAlive())
                .until(this::serving);
    }

    /** Waits until the broker's log says {@code text} (an Artemis message code, e.g. the backup in sync). */
    public void awaitLog(String text, Duration atMost) {
        await(name + " logs " + text).atMost(atMost).pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited; see " + log(), () -> !process.isAlive())
                .until(() -> Files.readString(log()).contains(text));
    }

    public boolean serving() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9} of the broker's JVM, and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path log() {
        return logDir.resolve(name + "-run-" + runs + ".log");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!create.waitFor(3, TimeUnit.MINUTES) || create.exitValue() != 0) {
                create.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
