package io.interchange.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.interchange.support.KafkaTestBroker;

/**
 * Kafka (KRaft, single node) from the Maven jars as a process of its own, for bin/cluster: the
 * same broker the tests start, on ports it chooses; its bootstrap servers are written to the file
 * named by the first argument once it is ready. Stops with the process (the test broker's
 * shutdown hook).
 */
public final class StandaloneKafka {

    private StandaloneKafka() {
    }

    public static void main(String[] args) throws Exception {
        Path bootstrapFile = Path.of(args[0]);
        String servers = KafkaTestBroker.bootstrapServers();
        Path written = Files.writeString(bootstrapFile.resolveSibling(bootstrapFile.getFileName() + ".tmp"), servers);
        Files.move(written, bootstrapFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
