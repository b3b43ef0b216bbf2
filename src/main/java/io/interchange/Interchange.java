package io.interchange;

import java.util.Map;

import io.interchange.api.HttpConfiguration;
import io.interchange.broker.BrokerConfiguration;
import io.interchange.erp.ErpConfiguration;
import io.interchange.observe.ObservabilityConfiguration;
import io.interchange.partner.PartnerConfiguration;
import io.interchange.ops.OpsConfiguration;
import io.interchange.ops.jmx.JmxConfiguration;
import io.interchange.ops.jmx.RemoteJmxConfiguration;
import io.interchange.ops.reload.ReloadConfiguration;
import io.interchange.ops.reload.ReloadTargetsConfiguration;
import io.interchange.processing.OrderPipelineConfiguration;
import io.interchange.security.SecurityConfiguration;
import io.interchange.storage.DatabaseConfiguration;
import io.interchange.webhook.WebhookConfiguration;
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
        Main main = new Main();
        main.addMainListener(new RuntimeFolders());
        // order matters: storage and metrics first, the bus before the routes that use it
        main.configure().addConfiguration(new DatabaseConfiguration());
        main.configure().addConfiguration(new ObservabilityConfiguration());
        main.configure().addConfiguration(new SecurityConfiguration());
        main.configure().addConfiguration(new BrokerConfiguration());
        main.configure().addConfiguration(new ErpConfiguration());
        main.configure().addConfiguration(new OrderPipelineConfiguration());
        main.configure().addConfiguration(new WebhookConfiguration());
        main.configure().addConfiguration(new HttpConfiguration());
        main.configure().addConfiguration(new PartnerConfiguration());
        main.configure().addConfiguration(new OpsConfiguration());
        main.configure().addConfiguration(new ReloadConfiguration());
        main.configure().addConfiguration(new ReloadTargetsConfiguration());
        main.configure().addConfiguration(new JmxConfiguration());
        main.configure().addConfiguration(new RemoteJmxConfiguration());
        overrides.forEach(main::addOverrideProperty);
        return main;
    }
}
