package io.interchange.ops.jmx;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.Remote;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import javax.security.auth.login.Configuration;

import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.admin.AdminUser;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX for JConsole and VisualVM, built the way the JVM's management agent builds it and from
 * the same JDK parts: the RMI connector with the JDK's JAAS authenticator ({@code
 * jmx.remote.x.login.config}, what {@code com.sun.management.jmxremote.login.config} sets) and its
 * file access controller ({@code jmx.remote.x.access.file}, what {@code
 * com.sun.management.jmxremote.access.file} sets). The agent itself cannot be started from inside
 * the process: its {@code ManagementAgent.start} command is not among the operations of the
 * {@code DiagnosticCommand} MBean (only {@code jcmd} may run it), and attaching to oneself needs a
 * JVM flag. So Interchange starts the same connector itself, from its properties: registry and
 * connector on one port bound to one host, logins through {@link AdminLoginModule} (the admin users,
 * their hashed passwords, the login throttle), access from a generated {@link JmxAccessFile} (viewer
 * readonly, ops readwrite), TLS for both when a key store is configured.
 *
 * <p>JAAS rather than a password file: that file holds passwords in clear, and ours are only kept as
 * digests. The key store is read here, so its password never goes to a file.
 */
public class RemoteJmxConnector extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmxConnector.class);

    private final String host;
    private final int port;
    private final Collection<AdminUser> users;
    private final AdminLogin login;
    private final Path folder;
    private final Tls tls;
    private Configuration previousLogin;
    private boolean installed;
    private Registry registry;
    private JMXConnectorServer connector;

    /** A PKCS#12 key store holding the key and certificate; with {@code needClientAuth}, the trust store for clients. */
    public record Tls(String keyStore, String keyStorePassword, boolean needClientAuth, String trustStore,
            String trustStorePassword) {
        public boolean enabled() {
            return keyStore != null && !keyStore.isBlank();
        }
    }

    public RemoteJmxConnector(String host, int port, Collection<AdminUser> users, AdminLogin login, Path folder, Tls tls) {
        this.host = host;
        this.port = port;
        this.users = List.copyOf(users);
        this.login = login;
        this.folder = folder;
        this.tls = tls;
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
        Path access = JmxAccessFile.write(folder.resolve("jmxremote.access"), users);
        RMIServerSocketFactory serverSockets = new BoundServerSockets(address, tls.enabled() ? sslContext() : null,
                tls.needClientAuth());
        RMIClientSocketFactory clientSockets = tls.enabled() ? new SslRMIClientSocketFactory() : null;
        Map<String, Object> environment = new HashMap<>();
        environment.put("jmx.remote.x.login.config", JmxLoginRealm.ENTRY);
        environment.put("jmx.remote.x.access.file", access.toAbsolutePath().toString());
        environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, serverSockets);
        if (clientSockets != null) {
            environment.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
        }
        // user name and password are strings: nothing else is deserialised before the login
        environment.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, "java.lang.String;!*");
        previousLogin = JmxLoginRealm.install(login);
        installed = true;
        try {
            registry = LocateRegistry.createRegistry(port, clientSockets, serverSockets);
            connector = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL("rmi", host, port),
                    environment, ManagementFactory.getPlatformMBeanServer());
            connector.start();
            // bound in-process, as the agent does: a bind through JNDI would call our own (TLS) registry
            // over the network and need this JVM to trust its own certificate
            registry.bind("jmxrmi", stub(connector.getAddress()));
        } catch (Exception e) {
            doStop();
            throw e;
        }
        LOG.info("Remote JMX at {}{}, admin users only: viewer reads, ops reads and acts", url(),
                tls.enabled() ? " over TLS" : "");
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
        if (installed) {
            JmxLoginRealm.restore(previousLogin);
            installed = false;
        }
    }

    /** The connector's RMI stub, which its address carries serialised ({@code /stub/<base64>}). */
    private static Remote stub(JMXServiceURL address) throws IOException, ClassNotFoundException {
        String encoded = address.getURLPath().substring("/stub/".length());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded)))) {
            return (Remote) in.readObject();
        }
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(tls.keyStore(), tls.keyStorePassword()), password(tls.keyStorePassword()));
        TrustManagerFactory trust = null;
        if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(tls.trustStore(), tls.trustStorePassword()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password(password));
        }
        return store;
    }

    private static char[] password(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    /**
     * Server sockets on one address, over TLS when there is a context; equal instances let the
     * registry and the connector share the port.
     */
    private record BoundServerSockets(InetAddress address, SSLContext tls, boolean needClientAuth)
            implements RMIServerSocketFactory {

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            if (tls == null) {
                return new ServerSocket(port, 50, address);
            }
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(port, 50, address);
            socket.setNeedClientAuth(needClientAuth);
            return socket;
        }
    }
}
