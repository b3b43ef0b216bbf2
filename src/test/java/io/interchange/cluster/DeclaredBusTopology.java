package io.interchange.cluster;

import io.interchange.broker.BrokerConfiguration;
import io.interchange.broker.BusTopology;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * The bus topology as the code declares it ({@link BrokerConfiguration#busTopology()} with the
 * defaults of application.properties): the one list the deployment files are checked against.
 */
public final class DeclaredBusTopology {

    private DeclaredBusTopology() {
    }

    public static BusTopology withDefaults() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");
            BrokerConfiguration configuration = new BrokerConfiguration();
            PluginHelper.getBeanPostProcessor(context).postProcessBeforeInitialization(configuration, "brokerConfiguration");
            return configuration.busTopology();
        }
    }
}
