package io.interchange.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.LoggerContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Gives this instance its node id before any configuration class reads it: {@code interchange.node.id}
 * when set, else {@code <host>-<pid>-<4 hex digits>} (the random part tells apart two runtimes of one
 * JVM, as in the tests, and a restarted process from its predecessor). The id is then a property like
 * any other ({@code {{interchange.node.id}}}, {@code @PropertyInject}), the {@code node} field of every
 * JSON log line (a logback context property, which the Logstash encoder writes into each line) and,
 * through the configuration classes, a metrics tag, a timeline column and an admin API field.
 */
public class NodeIdentity extends MainListenerSupport {

    public static final String PROPERTY = "interchange.node.id";

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        String id = resolve(properties.resolveProperty(PROPERTY).orElse(""), hostName(), ProcessHandle.current().pid(),
                ThreadLocalRandom.current().nextInt(0x10000));
        properties.addOverrideProperty(PROPERTY, id);
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (loggers instanceof LoggerContext logback) {
            logback.putProperty("node", id);
        }
    }

    /** The configured id, trimmed, or one made of the host, the process and a random suffix. */
    static String resolve(String configured, String host, long pid, int random) {
        String trimmed = configured == null ? "" : configured.trim();
        if (!trimmed.isEmpty()) {
            return trimmed;
        }
        String suffix = HexFormat.of().toHexDigits((short) random);
        return host.toLowerCase(Locale.ROOT) + "-" + pid + "-" + suffix;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
