package io.interchange.observe;

import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: a JMS session can be opened on the bus (embedded or external broker). */
public class BrokerHealthCheck extends AbstractHealthCheck {

    private final ConnectionFactory connectionFactory;
    private final String description;

    public BrokerHealthCheck(ConnectionFactory connectionFactory, String description) {
        super("interchange", "broker");
        this.connectionFactory = connectionFactory;
        this.description = description;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", description);
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            builder.up();
        } catch (Exception e) {
            builder.down().error(e).message("Broker unreachable: " + e.getMessage());
        }
    }
}
