package io.interchange.ops.jmx;

import java.nio.file.Path;

import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.admin.AdminUsers;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * Remote JMX (JConsole, VisualVM), the connector the JVM's management agent would build, when
 * {@code interchange.jmx.remote.port} is set. Bound lazily: the admin users come from another
 * configuration, whose beans exist once every configuration ran.
 */
public class RemoteJmxConfiguration implements CamelConfiguration {

    @PropertyInject(value = "interchange.jmx.remote.port", defaultValue = "")
    private String port;

    @BindToRegistry(value = "remoteJmxConnector", lazy = true)
    public RemoteJmxConnector remoteJmxConnector(AdminUsers adminUsers, AdminLogin adminLogin, CamelContext context,
            @PropertyInject("interchange.jmx.remote.host") String host,
            @PropertyInject("interchange.data.dir") String dataDir,
            @PropertyInject("interchange.jmx.remote.ssl.need-client-auth") boolean needClientAuth) {
        return new RemoteJmxConnector(host, Integer.parseInt(port.trim()), adminUsers.users(), adminLogin,
                Path.of(dataDir, "jmx"), new RemoteJmxConnector.Tls(optional(context, "key-store"),
                        optional(context, "key-store-password"), needClientAuth, optional(context, "trust-store"),
                        optional(context, "trust-store-password")));
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        if (!port.isBlank() && Integer.parseInt(port.trim()) > 0) {
            context.addStartupListener((started, alreadyStarted) -> started.addService(
                    started.getRegistry().lookupByNameAndType("remoteJmxConnector", RemoteJmxConnector.class), true, true));
        }
    }

    /** TLS settings are empty by default, which a property injection takes for missing. */
    private static String optional(CamelContext context, String tlsKey) {
        return context.getPropertiesComponent().resolveProperty("interchange.jmx.remote.ssl." + tlsKey).orElse("");
    }
}
