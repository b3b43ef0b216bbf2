package io.interchange.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.interchange.broker.BusTopology;
import io.interchange.broker.EmbeddedBroker;
import io.interchange.support.FreePorts;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admission's asynchronous send against a real embedded Artemis: the route goes on, on the
 * continuation's thread, only once the message is durable on the queue, with its identity headers.
 */
class DurableSendTest {

    private static EmbeddedBroker broker;
    private static String url;
    private static ExecutorService continuation;
    private static DefaultCamelContext context;

    @BeforeAll
    static void start() throws Exception {
        url = "tcp://localhost:" + FreePorts.next();
        broker = new EmbeddedBroker(Files.createTempDirectory("durable-send-test-"), url + "?protocols=CORE",
                new BusTopology(List.of(new BusTopology.DurableQueue("orders", null)), List.of(),
                        new BusTopology.Redelivery(3, 0, 1.0, 0, 0.0)), 8 * 1024 * 1024, 500_000);
        broker.start();
        continuation = Executors.newSingleThreadExecutor(r -> new Thread(r, "admission-test"));
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() {
        continuation.shutdownNow();
        broker.stop();
    }

    @Test
    void theRouteGoesOnOnlyOnceTheBrokerConfirmedTheMessageDurable() throws Exception {
        ActiveMQConnectionFactory confirming = new ActiveMQConnectionFactory(url);
        confirming.setConfirmationWindowSize(0);
        Exchange exchange = order("doc-1");
        CompletableFuture<String> continuedOn = new CompletableFuture<>();

        boolean sync = new DurableSend(confirming, "orders", continuation, Duration.ofSeconds(30))
                .process(exchange, doneSync -> continuedOn.complete(Thread.currentThread().getName()));

        assertThat(sync).as("the caller's thread is not kept").isFalse();
        assertThat(continuedOn.get(30, TimeUnit.SECONDS)).isEqualTo("admission-test");
        assertThat(exchange.getException()).isNull();
        assertThat(broker.server().locateQueue("orders").getMessageCount()).isEqualTo(1);
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("orders"))) {
                TextMessage received = (TextMessage) consumer.receive(30_000);
                assertThat(received.getText()).isEqualTo("{\"documentId\":\"doc-1\"}");
                assertThat(received.getStringProperty("documentId")).isEqualTo("doc-1");
                assertThat(received.getLongProperty("receivedAt")).isEqualTo(1_700_000_000_000L);
            }
        }
        confirming.close();
    }

    private static Exchange order(String documentId) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("{\"documentId\":\"" + documentId + "\"}");
        exchange.getMessage().setHeader("documentId", documentId);
        exchange.getMessage().setHeader("receivedAt", 1_700_000_000_000L);
        return exchange;
    }
}
