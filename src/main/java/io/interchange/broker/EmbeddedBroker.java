package io.interchange.broker;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ActiveMQ Artemis running inside the Interchange JVM: a persistent journal on disk, an in-VM
 * acceptor for Interchange itself and a TCP acceptor (CORE and AMQP) for standard clients.
 * Stopped by Camel after the routes, so in-flight transactions finish first.
 */
public final class EmbeddedBroker extends ServiceSupport {

    /** In-VM acceptor id; Interchange connects with {@code vm://0}. */
    public static final String IN_VM_URL = "vm://0";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path journalDir;
    private final String acceptorUrl;
    private final BusTopology topology;
    private final long globalMaxSize;
    private final int journalBufferTimeoutNanos;
    private EmbeddedActiveMQ server;

    /**
     * @param globalMaxSize bytes of messages all addresses together may hold in memory before the
     *                      broker pages further ones to disk
     * @param journalBufferTimeoutNanos how long the journal gathers writes before one sync: about
     *                      the time one sync takes on the journal's disk ({@code artemis perf-journal})
     */
    public EmbeddedBroker(Path journalDir, String acceptorUrl, BusTopology topology, long globalMaxSize,
                          int journalBufferTimeoutNanos) {
        this.journalDir = journalDir;
        this.acceptorUrl = acceptorUrl;
        this.topology = topology;
        this.globalMaxSize = globalMaxSize;
        this.journalBufferTimeoutNanos = journalBufferTimeoutNanos;
    }

    @Override
    protected void doStart() throws Exception {
        server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration());
        server.start();
        LOG.info("Embedded Artemis started: journal {} acceptor {}", journalDir.toAbsolutePath(), acceptorUrl);
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("Embedded Artemis stopped");
        }
    }

    public boolean isActive() {
        return server != null && server.getActiveMQServer().isActive();
    }

    /** The running server, for management (queue depths, DLQ browsing). */
    public ActiveMQServer server() {
        return server.getActiveMQServer();
    }

    private Configuration configuration() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("interchange-embedded")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                // Artemis' defaults, stated because a 202 relies on them: a persistent send and a
                // transaction commit return only after the journal is synced to disk
                .setJournalSyncNonTransactional(true)
                .setJournalSyncTransactional(true)
                // Artemis' default (3.33 ms) suits a slow disk; every durable send waits up to this long
                // for its sync, so it is set to what one sync costs on this one
                .setJournalBufferTimeout_NIO(journalBufferTimeoutNanos)
                .setJournalBufferTimeout_AIO(journalBufferTimeoutNanos)
                .setJournalDirectory(journalDir.resolve("journal").toString())
                .setBindingsDirectory(journalDir.resolve("bindings").toString())
                .setPagingDirectory(journalDir.resolve("paging").toString())
                .setLargeMessagesDirectory(journalDir.resolve("large-messages").toString())
                // Artemis' default is half the heap; it shares this heap with everything else, and a
                // backlog (a 100 MB EDI file, the ERP down for an hour) belongs in page files
                .setGlobalMaxSize(globalMaxSize)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(true)
                .addAcceptorConfiguration("in-vm", IN_VM_URL)
                .addAcceptorConfiguration("tcp", acceptorUrl);
        Set<String> deadLetterQueues = new HashSet<>();
        for (BusTopology.DurableQueue queue : topology.queues()) {
            if (queue.deadLetterQueue() != null) {
                deadLetterQueues.add(queue.deadLetterQueue());
            }
            config.addQueueConfiguration(QueueConfiguration.of(queue.name())
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            if (queue.deadLetterQueue() != null) {
                config.addAddressSetting(queue.name(), redeliveryPolicy(queue.deadLetterQueue()));
            }
        }
        config.registerBrokerPlugin(new BrokerDeadLetterReasons(deadLetterQueues, brokerAttempts()));
        for (String topic : topology.topics()) {
            config.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(topic).addRoutingType(RoutingType.MULTICAST));
        }
        return config;
    }

    private int brokerAttempts() {
        return topology.redelivery().maxAttempts() + 1;
    }

    private AddressSettings redeliveryPolicy(String deadLetterQueue) {
        BusTopology.Redelivery r = topology.redelivery();
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                // Interchange moves a message to the DLQ itself after its last attempt, with the
                // reason in headers; the broker's own limit is one higher and only catches
                // messages whose last attempt could not even reach that step (BrokerDeadLetterReasons
                // gives those their reason headers).
                .setMaxDeliveryAttempts(brokerAttempts())
                .setRedeliveryDelay(r.initialDelayMs())
                .setRedeliveryMultiplier(r.multiplier())
                .setMaxRedeliveryDelay(r.maxDelayMs())
                .setRedeliveryCollisionAvoidanceFactor(r.jitter());
    }
}
