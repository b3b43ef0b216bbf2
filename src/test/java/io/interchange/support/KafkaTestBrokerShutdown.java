package io.interchange.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test Kafka broker when the test run ends, before the JVM's exit. Left to a shutdown
 * hook, the broker raced Kafka's own hook that deletes its data directory: a broker that finds
 * all its log directories gone halts the JVM with status 1, and a fork whose tests all passed
 * failed the build ("Error occurred in starting fork").
 */
public final class KafkaTestBrokerShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        KafkaTestBroker.stop();
    }
}
