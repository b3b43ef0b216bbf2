package io.interchange.ops.jmx;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX for JConsole and VisualVM on one port ({@code interchange.jmx.remote.port}; RMI registry
 * and connector share it, so one firewall rule is enough), bound to {@code interchange.jmx.remote.host}.
 * Every connection authenticates as an admin user; {@link RoleCheckingForwarder} keeps role viewer to
 * reading. Only strings are accepted as credentials, so nothing else is deserialised before login.
 * RMI itself is not encrypted: expose the port on a management network or through an SSH tunnel.
 * Clients are told to call back {@code java.rmi.server.hostname}; when it is not set it becomes the
 * bound host (unless that is the wildcard address, where it must name a host clients can reach).
 */
public class RemoteJmxServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmxServer.class);

    private final String host;
    private final int port;
    private final JMXAuthenticator authenticator;
    private Registry registry;
    private JMXConnectorServer connector;

    public RemoteJmxServer(String host, int port, JMXAuthenticator authenticator) {
        this.host = host;
        this.port = port;
        this.authenticator = authenticator;
    }

    public JMXServiceURL url() throws IOException {
        return new JMXServiceURL("service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
    }

    @Override
    protected void doStart() throws Exception {
        InetAddress address = InetAddress.getByName(host);
        if (System.getProperty("java.rmi.server.hostname") == null && !address.isAnyLocalAddress()) {
            // RMI hands clients a stub naming this JVM's host; by default that is the machine's address,
            // which a connector bound to e.g. localhost (reached through an SSH tunnel) does not listen on
            System.setProperty("java.rmi.server.hostname", host);
        }
        RMIServerSocketFactory sockets = new BoundServerSockets(address);
        registry = LocateRegistry.createRegistry(port, null, sockets);
        Map<String, Object> environment = new HashMap<>();
        environment.put(JMXConnectorServer.AUTHENTICATOR, authenticator);
        environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        environment.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, "java.lang.String;!*");
        connector = JMXConnectorServerFactory.newJMXConnectorServer(url(), environment,
                ManagementFactory.getPlatformMBeanServer());
        connector.setMBeanServerForwarder(RoleCheckingForwarder.create());
        connector.start();
        LOG.info("Remote JMX listening at {} (admin users only)", url());
    }

    @Override
    protected void doStop() throws Exception {
        if (connector != null) {
            connector.stop();
            connector = null;
        }
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
            registry = null;
        }
    }

    /** Server sockets on one address; equal instances let the registry and the connector share the port. */
    private record BoundServerSockets(InetAddress address) implements RMIServerSocketFactory {

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, address);
        }
    }
}
