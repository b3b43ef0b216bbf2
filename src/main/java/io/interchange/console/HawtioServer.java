package io.interchange.console;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.Callback;

/**
 * Hawtio's web application ({@code io.hawt:hawtio-war}, copied onto the class path by the build) in an
 * embedded Jetty 12 (ee10) on loopback and a port the system picks: nobody reaches it but
 * {@link HawtioDoor}, which proxies {@code /hawtio/} to it after the admin login. Hawtio's own
 * authentication is off (the door has done it) and so are its Jolokia agent and its proxy to other
 * agents: the door sends Hawtio's Jolokia calls to Interchange's guarded Jolokia, where the role's
 * access policy and the audit log apply.
 */
public class HawtioServer {

    static final String CONTEXT_PATH = "/hawtio";
    private static final String WAR_RESOURCE = "hawtio/hawtio.war";
    /** Hawtio's own RBAC MBeans; see {@link #withoutRbacMBeans()}. */
    private static final String[] RBAC_MBEANS = {"hawtio:type=security,name=RBACRegistry",
            "hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity"};

    private final Path workDir;
    private Server server;
    private ServerConnector connector;

    public HawtioServer(Path workDir) {
        this.workDir = workDir;
    }

    /** Deploys Hawtio (a few seconds: unpacking the war); answers the port it listens on. */
    public synchronized int start() throws Exception {
        // Hawtio reads its settings from system properties (hawtio.*) and has no other door for them
        System.setProperty("hawtio.authenticationEnabled", "false");
        System.setProperty("hawtio.disableProxy", "true");
        System.setProperty("hawtio.offline", "true");
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(war().toString());
        webapp.setTempDirectory(Files.createDirectories(workDir.resolve("work")).toFile());
        webapp.setThrowUnavailableOnStartupException(true);
        // Hawtio logs through SLF4J: ours (logback, JSON like every other line), not the war's log4j
        webapp.addProtectedClassMatcher(new ClassMatcher("org.slf4j."));
        server.setHandler(new AgentsRefused(webapp));
        server.setStopAtShutdown(false);
        server.start();
        withoutRbacMBeans();
        return connector.getLocalPort();
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Hawtio lists the JMX tree and asks which operations may be called through {@code exec}s of its
     * RBAC MBeans when it finds them, and falls back to Jolokia's plain {@code list} when not. The
     * access policies allow {@code list} to every admin user but no {@code exec} of Hawtio's MBeans
     * (each refused exec would be an audit entry on every page Hawtio shows), and the dummy one
     * answers "allowed" to everything anyway: they go, and the role's policy decides per call.
     */
    private static void withoutRbacMBeans() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String name : RBAC_MBEANS) {
            ObjectName mbean = new ObjectName(name);
            if (server.isRegistered(mbean)) {
                server.unregisterMBean(mbean);
            }
        }
    }

    /** The war on disk (Jetty unpacks a war file, not a class path entry inside our jar). */
    private Path war() throws IOException {
        Path war = Files.createDirectories(workDir).resolve("hawtio.war");
        try (InputStream in = HawtioServer.class.getClassLoader().getResourceAsStream(WAR_RESOURCE)) {
            if (in == null) {
                throw new IOException(WAR_RESOURCE + " is not on the class path (built by maven-dependency-plugin)");
            }
            Files.copy(in, war, StandardCopyOption.REPLACE_EXISTING);
        }
        return war;
    }

    /**
     * Hawtio's own Jolokia agent and proxy servlets would answer without a login anyone on this host
     * who finds the loopback port: refused here; the door sends Jolokia calls elsewhere.
     */
    private static final class AgentsRefused extends Handler.Wrapper {

        AgentsRefused(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getDecodedPath();
            if (path.startsWith(CONTEXT_PATH + "/jolokia")
                    || path.startsWith(CONTEXT_PATH + "/proxy") && !path.equals(HawtioDoor.PROXY_ENABLED)) {
                Response.writeError(request, response, callback, 403);
                return true;
            }
            return super.handle(request, response, callback);
        }
    }
}
