package io.interchange.edi.outbound;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import io.interchange.broker.EmbeddedBroker;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Copies the lifecycle events of EDI orders ({@code channel = 'edi'}) from the events queue to
 * the order-responses queue, inside the broker: a non-exclusive divert is part of the same
 * routing (and transaction) as the original send, so no event is lost between the two and the
 * order pipeline needs no knowledge of EDI. An external broker needs the same divert in its
 * broker.xml (docs/partners.md).
 */
public class OrderResponseDivert extends ServiceSupport {

    private final EmbeddedBroker broker;
    private final String eventsQueue;
    private final String responsesQueue;

    public OrderResponseDivert(EmbeddedBroker broker, String eventsQueue, String responsesQueue) {
        this.broker = broker;
        this.eventsQueue = eventsQueue;
        this.responsesQueue = responsesQueue;
    }

    @Override
    protected void doStart() throws Exception {
        ActiveMQServer server = broker.server();
        if (server.locateQueue(responsesQueue) == null) {
            server.createQueue(QueueConfiguration.of(responsesQueue).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                    .setAutoCreateAddress(true));
        }
        String name = "edi-order-responses";
        if (server.getPostOffice().getBinding(org.apache.activemq.artemis.api.core.SimpleString.of(name)) == null) {
            server.deployDivert(new DivertConfiguration().setName(name).setAddress(eventsQueue)
                    .setForwardingAddress(responsesQueue).setExclusive(false).setFilterString("channel = 'edi'")
                    .setRoutingType(ComponentConfigurationRoutingType.ANYCAST));
        }
    }
}
