package io.interchange;

import java.util.List;
import java.util.Map;

import io.interchange.admission.AdmissionConfiguration;
import io.interchange.api.HttpConfiguration;
import io.interchange.api.RestIntakeConfiguration;
import io.interchange.broker.BrokerConfiguration;
import io.interchange.console.ConsoleConfiguration;
import io.interchange.cluster.ClusterConfiguration;
import io.interchange.cluster.NodeIdentity;
import io.interchange.observe.ObservabilityConfiguration;
import io.interchange.ops.OpsConfiguration;
import io.interchange.ops.jmx.JmxConfiguration;
import io.interchange.ops.jmx.RemoteJmxConfiguration;
import io.interchange.ops.reload.ReloadConfiguration;
import io.interchange.ops.reload.ReloadTargetsConfiguration;
import io.interchange.outbound.OutboundConfiguration;
import io.interchange.partner.EdiConfiguration;
import io.interchange.processing.DeliveryPolicyConfiguration;
import io.interchange.processing.ProcessingConfiguration;
import io.interchange.security.SecurityConfiguration;
import io.interchange.storage.DatabaseConfiguration;
import io.interchange.webhook.WebhookConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;

/**
 * Interchange: one Camel Main runtime with the embedded Artemis bus, the tracking database, the
 * ERP client (and sandbox) and the YAML routes under {@code routes/}.
 */
public final class Interchange {

    private Interchange() {
    }

    public static void main(String[] args) throws Exception {
        try {
            create(Map.of()).run(args);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RuntimeFolders.MissingFolderException missing) {
                    System.err.println("Interchange cannot start: " + missing.getMessage());
                    System.exit(2);
                }
            }
            throw e;
        }
    }

    /**
     * A runtime ready to start. {@code overrides} win over application.properties and the
     * environment; tests use them for ports and directories.
     */
    public static Main create(Map<String, String> overrides) {
        return create(overrides, configurations());
    }

    /**
     * The beans, one configuration per flow plus the infrastructure they stand on. Their order does not
     * matter and a bean name may be bound by one method only ({@link FlowWiring}).
     */
    public static List<CamelConfiguration> configurations() {
        return List.of(
                // infrastructure
                new DatabaseConfiguration(), new BrokerConfiguration(), new ObservabilityConfiguration(),
                new SecurityConfiguration(), new HttpConfiguration(),
                // flows: intake, processing, outbound, ops
                new AdmissionConfiguration(), new RestIntakeConfiguration(), new EdiConfiguration(), new WebhookConfiguration(),
                new ProcessingConfiguration(), new DeliveryPolicyConfiguration(), new OutboundConfiguration(),
                new OpsConfiguration(), new ReloadConfiguration(), new ReloadTargetsConfiguration(), new JmxConfiguration(),
                new RemoteJmxConfiguration(), new ConsoleConfiguration(), new ClusterConfiguration());
    }

    /** A runtime with the configurations in the order given (FlowWiringIT reverses them: the order must not matter). */
    public static Main create(Map<String, String> overrides, List<? extends CamelConfiguration> configurations) {
        Main main = new Main();
        main.addMainListener(new RuntimeFolders());
        main.addMainListener(new FlowWiring());
        main.addMainListener(new NodeIdentity());
        configurations.forEach(main.configure()::addConfiguration);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }
}
