package io.interchange.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka 4 broker in KRaft mode (combined broker + controller), started from the
 * Maven jars once for the whole test run and stopped when the run ends ({@link KafkaTestBrokerShutdown}),
 * or, in a process of its own ({@code StandaloneKafka}), when that process ends.
 */
public final class KafkaTestBroker {

    private static KafkaClusterTestKit cluster;

    private KafkaTestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka test broker did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestBroker::stop));
        }
        return cluster.bootstrapServers();
    }

    /** Stops the broker if it runs; its data directory is deleted as the JVM ends. */
    public static synchronized void stop() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            // the tests are done; say so and let the JVM end
            System.err.println("Kafka test broker did not stop cleanly: " + e);
        } finally {
            cluster = null;
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records arrived or 120 s passed
     * (generous: on a loaded machine the KRaft controller alone can take seconds per event).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
