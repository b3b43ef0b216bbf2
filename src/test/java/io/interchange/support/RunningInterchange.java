package io.interchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.interchange.Interchange;
import io.interchange.broker.EmbeddedBroker;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The whole Interchange runtime, started as {@code java -jar} would start it, on free ports and a
 * data directory of the test's own, against the routes and mappings of this repository.
 */
public final class RunningInterchange implements AutoCloseable {

    private final Map<String, String> properties;
    private final Path dataDir;
    private final int httpPort;
    private final List<? extends CamelConfiguration> configurations;
    private Main main;

    private RunningInterchange(Path dataDir, Map<String, String> properties, int httpPort,
            List<? extends CamelConfiguration> configurations) {
        this.dataDir = dataDir;
        this.properties = properties;
        this.httpPort = httpPort;
        this.configurations = configurations;
    }

    /** Starts a runtime against {@code erp}; {@code overrides} replace any default property. */
    public static RunningInterchange start(TestErp erp, Map<String, String> overrides) {
        return start(erp, overrides, Interchange.configurations());
    }

    /** As {@link #start(TestErp, Map)}, with Interchange's configurations in the order given. */
    public static RunningInterchange start(TestErp erp, Map<String, String> overrides,
            List<? extends CamelConfiguration> configurations) {
        Path dataDir = newDataDir();
        int httpPort = FreePorts.next();
        Map<String, String> properties = new HashMap<>();
        properties.put("interchange.data.dir", dataDir.toString());
        properties.put("interchange.http.port", String.valueOf(httpPort));
        properties.put("interchange.broker.embedded.acceptor",
                "tcp://localhost:" + FreePorts.next() + "?protocols=CORE,AMQP");
        properties.put("interchange.erp-sandbox.enabled", "false");
        // the embedded SFTP drop box on a port of its own, never the default 2222
        properties.put("interchange.sftp.port", String.valueOf(FreePorts.next()));
        properties.put("interchange.erp.url", erp.apiUrl());
        properties.put("interchange.erp.username", TestErp.USERNAME);
        properties.put("interchange.erp.password", TestErp.PASSWORD);
        properties.put("interchange.processing.redelivery-delay-ms", "200");
        properties.put("interchange.processing.redelivery-max-delay-ms", "2000");
        // the routes on disk are the product; tests must not reload them behind each other's back
        properties.put("camel.main.routesReloadEnabled", "false");
        properties.put("interchange.reload.enabled", "false");
        properties.putAll(overrides);
        RunningInterchange runtime = new RunningInterchange(dataDir, properties, httpPort, configurations);
        runtime.boot();
        return runtime;
    }

    /** Stops and starts again on the same data directory and ports, like a process restart. */
    public void restart() {
        stop();
        boot();
    }

    public Http http() {
        return new Http("http://localhost:" + httpPort);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public String property(String key) {
        return context().getPropertiesComponent().resolveProperty(key).orElseThrow();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    /** A queue of the embedded broker, for asserting what is (not) on the bus. */
    public Queue queue(String name) {
        return bean("embeddedBroker", EmbeddedBroker.class).server().locateQueue(name);
    }

    public Path dataDir() {
        return dataDir;
    }

    public void stop() {
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void boot() {
        main = Interchange.create(properties, configurations);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("Interchange did not start", e);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("interchange-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
