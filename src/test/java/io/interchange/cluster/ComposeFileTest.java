package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml as far as it can be checked without Docker (which cannot run here): the
 * services of a cluster, a health check and volume for each, that the instances wait for healthy
 * dependencies, that every INTERCHANGE_* key it sets is a key the application reads, and that the
 * broker files it mounts are the ones BrokerDeploymentFilesTest checks.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");
    private static final List<String> INSTANCES = List.of("interchange-1", "interchange-2");

    private static JsonNode compose;
    private static Set<String> applicationKeys;

    @BeforeAll
    static void read() throws Exception {
        compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
        Properties properties = new Properties();
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        applicationKeys = properties.stringPropertyNames();
    }

    @Test
    void runsTwoInstancesOnTheBrokerPairPostgresKafkaAndAnErp() {
        assertThat(names(compose.path("services"))).containsExactlyInAnyOrder(
                "artemis-primary", "artemis-backup", "postgres", "kafka", "erp", "interchange-1", "interchange-2");
        // Kafka in KRaft mode: its own controller, no ZooKeeper
        JsonNode kafka = compose.path("services").path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).contains("controller");
        assertThat(names(kafka)).noneMatch(key -> key.contains("ZOOKEEPER"));
    }

    @Test
    void everyServiceHasAHealthCheckAndKeepsItsStateInAVolume() {
        Set<String> declaredVolumes = names(compose.path("volumes"));
        compose.path("services").properties().forEach(service -> {
            assertThat(service.getValue().path("healthcheck").path("test")).as("health check of %s", service.getKey())
                    .isNotEmpty();
            List<String> named = volumes(service.getValue()).stream().map(v -> v.split(":")[0])
                    .filter(source -> !source.startsWith(".")).toList();
            assertThat(named).as("named volumes of %s", service.getKey()).isNotEmpty();
            assertThat(declaredVolumes).as("volumes declared for %s", service.getKey()).containsAll(named);
        });
    }

    @Test
    void brokerPairMountsTheCheckedBrokerFiles() {
        for (String broker : List.of("artemis-primary", "artemis-backup")) {
            String mount = volumes(compose.path("services").path(broker)).stream()
                    .filter(v -> v.endsWith("/etc-override/broker.xml:ro")).findFirst().orElseThrow();
            String file = mount.split(":")[0];
            assertThat(file).isEqualTo("./" + broker.replace("artemis", "broker") + ".xml");
            assertThat(DOCKER.resolve(file)).exists();
        }
    }

    @Test
    void instancesFailOverBetweenTheBrokersAndShareTheDropBox() {
        for (String instance : INSTANCES) {
            JsonNode service = compose.path("services").path(instance);
            String brokerUrl = service.path("environment").path("INTERCHANGE_BROKER_URL").asText();
            assertThat(brokerUrl).as("broker URL of %s", instance)
                    .startsWith("(tcp://artemis-primary:61616,tcp://artemis-backup:61616)?")
                    .contains("ha=true").contains("reconnectAttempts=-1");
            assertThat(service.path("environment").path("INTERCHANGE_ERP_SANDBOX_ENABLED").asText()).isEqualTo("false");
            assertThat(names(service.path("depends_on"))).containsExactlyInAnyOrder(
                    "artemis-primary", "artemis-backup", "postgres", "kafka", "erp");
            service.path("depends_on").forEach(dependency ->
                    assertThat(dependency.path("condition").asText()).isEqualTo("service_healthy"));
            assertThat(volumes(service)).contains("sftp-shared:/var/lib/interchange-shared", instance + "-data:/var/lib/interchange");
            assertThat(service.path("environment").path("INTERCHANGE_SFTP_ROOT").asText()).startsWith("/var/lib/interchange-shared/");
        }
    }

    @Test
    void eachInstanceHasANodeIdOfItsOwn() {
        Set<String> nodeIds = new HashSet<>();
        for (String instance : INSTANCES) {
            String nodeId = compose.path("services").path(instance).path("environment").path("INTERCHANGE_NODE_ID").asText();
            assertThat(nodeId).as("INTERCHANGE_NODE_ID of %s", instance).isNotBlank();
            nodeIds.add(nodeId);
        }
        assertThat(nodeIds).as("node ids").hasSameSizeAs(INSTANCES);
    }

    @Test
    void everyInterchangeSettingIsAKeyTheApplicationReads() {
        Set<String> readable = applicationKeys.stream()
                .map(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')).collect(Collectors.toSet());
        for (String service : List.of("interchange-1", "interchange-2", "erp")) {
            Set<String> keys = names(compose.path("services").path(service).path("environment"));
            assertThat(keys).as("settings of %s", service).isNotEmpty().allMatch(key -> key.startsWith("INTERCHANGE_"));
            assertThat(keys).as("settings of %s that application.properties does not know", service)
                    .allMatch(readable::contains);
        }
    }

    private static Set<String> names(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        service.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return volumes;
    }
}
