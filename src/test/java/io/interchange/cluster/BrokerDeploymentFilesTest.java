package io.interchange.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.interchange.broker.BusTopology;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The broker files in docker/ against the bus topology the code declares: each is read by Artemis'
 * own parser (which validates it against artemis-configuration.xsd from the Artemis jars, after
 * resolving ${property:default} as a running broker does), and its addresses, queues, dead-letter
 * and redelivery settings and diverts must be exactly those of BrokerConfiguration.busTopology().
 */
class BrokerDeploymentFilesTest {

    private static BusTopology declared;

    @BeforeAll
    static void declaredTopology() throws Exception {
        declared = DeclaredBusTopology.withDefaults();
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker.xml", "broker-primary.xml", "broker-backup.xml"})
    void brokerFileDeclaresTheCodesQueuesAndTopics(String file) throws Exception {
        Configuration broker = parse(file);

        Map<String, CoreAddressConfiguration> addresses = broker.getAddressConfigurations().stream()
                .collect(Collectors.toMap(CoreAddressConfiguration::getName, address -> address));
        assertThat(addresses.keySet()).as("addresses in %s", file).containsExactlyInAnyOrderElementsOf(
                Stream.concat(declared.queues().stream().map(BusTopology.DurableQueue::name),
                        declared.topics().stream()).toList());
        for (BusTopology.DurableQueue queue : declared.queues()) {
            CoreAddressConfiguration address = addresses.get(queue.name());
            assertThat(address.getRoutingTypes()).as("%s in %s", queue.name(), file).containsExactly(RoutingType.ANYCAST);
            assertThat(address.getQueueConfigs()).as("%s in %s", queue.name(), file)
                    .extracting(q -> q.getName().toString(), q -> q.getRoutingType())
                    .containsExactly(tuple(queue.name(), RoutingType.ANYCAST));
        }
        for (String topic : declared.topics()) {
            assertThat(addresses.get(topic).getRoutingTypes()).as("%s in %s", topic, file).containsExactly(RoutingType.MULTICAST);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker.xml", "broker-primary.xml", "broker-backup.xml"})
    void brokerFileRedeliversAndDeadLettersAsTheCodeDoes(String file) throws Exception {
        Map<String, AddressSettings> settings = parse(file).getAddressSettings();
        BusTopology.Redelivery redelivery = declared.redelivery();

        assertThat(settings.keySet()).as("address settings in %s", file).containsExactlyInAnyOrderElementsOf(
                declared.queues().stream().filter(q -> q.deadLetterQueue() != null).map(BusTopology.DurableQueue::name).toList());
        for (BusTopology.DurableQueue queue : declared.queues()) {
            if (queue.deadLetterQueue() == null) {
                continue;
            }
            AddressSettings setting = settings.get(queue.name());
            assertThat(setting.getDeadLetterAddress().toString()).as("dead-letter address of %s in %s", queue.name(), file)
                    .isEqualTo(queue.deadLetterQueue());
            // the broker's own limit is one above Interchange's (EmbeddedBroker.redeliveryPolicy)
            assertThat(setting.getMaxDeliveryAttempts()).as("max-delivery-attempts of %s in %s", queue.name(), file)
                    .isEqualTo(redelivery.maxAttempts() + 1);
            assertThat(setting.getRedeliveryDelay()).isEqualTo(redelivery.initialDelayMs());
            assertThat(setting.getRedeliveryMultiplier()).isEqualTo(redelivery.multiplier());
            assertThat(setting.getMaxRedeliveryDelay()).isEqualTo(redelivery.maxDelayMs());
            assertThat(setting.getRedeliveryCollisionAvoidanceFactor()).isEqualTo(redelivery.jitter());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker.xml", "broker-primary.xml", "broker-backup.xml"})
    void brokerFileCopiesWhatTheCodeCopies(String file) throws Exception {
        assertThat(parse(file).getDivertConfigurations()).as("diverts in %s", file)
                .extracting(DivertConfiguration::getName, DivertConfiguration::getAddress,
                        DivertConfiguration::getForwardingAddress, DivertConfiguration::getFilterString,
                        DivertConfiguration::isExclusive)
                .containsExactlyInAnyOrderElementsOf(declared.copies().stream()
                        .map(copy -> tuple(copy.name(), copy.from(), copy.to(), copy.filter(), false)).toList());
    }

    @Test
    void pairReplicatesAndEachPointsAtTheOther() throws Exception {
        Configuration primary = parse("broker-primary.xml");
        Configuration backup = parse("broker-backup.xml");

        assertThat(primary.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicatedPolicyConfiguration.class,
                policy -> assertThat(policy.isCheckForActiveServer()).isTrue());
        assertThat(backup.getHAPolicyConfiguration()).isInstanceOfSatisfying(ReplicaPolicyConfiguration.class,
                policy -> assertThat(policy.isAllowFailBack()).isTrue());
        assertThat(primary.getClusterUser()).isEqualTo(backup.getClusterUser());
        assertThat(port(primary, "self")).isEqualTo(port(backup, "peer")).isEqualTo(61616);
        assertThat(port(backup, "self")).isEqualTo(port(primary, "peer")).isEqualTo(61617);
        for (Configuration broker : new Configuration[] {primary, backup}) {
            assertThat(broker.getClusterConfigurations()).singleElement().satisfies(cluster -> {
                assertThat(cluster.getConnectorName()).isEqualTo("self");
                assertThat(cluster.getStaticConnectors()).containsExactly("peer");
            });
        }
    }

    private static Object port(Configuration broker, String connector) {
        return Integer.valueOf(broker.getConnectorConfigurations().get(connector).getParams().get("port").toString());
    }

    /**
     * A broker file as a starting broker reads it: property placeholders resolved, its {@code core}
     * element validated against the XSD in the Artemis jars, then parsed by Artemis' own parser.
     */
    static Configuration parse(String file) throws Exception {
        String xml = XMLUtil.replaceSystemPropsInString(Files.readString(Path.of("docker", file)));
        Element core = (Element) XMLUtil.stringToElement(xml).getElementsByTagNameNS("urn:activemq:core", "core").item(0);
        assertThat(core).as("<core> in %s", file).isNotNull();
        XMLUtil.validate(core, "schema/artemis-configuration.xsd");
        Configuration configuration = new ConfigurationImpl();
        new FileConfigurationParser().parseMainConfig(core, configuration);
        return configuration;
    }
}
