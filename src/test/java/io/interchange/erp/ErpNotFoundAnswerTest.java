package io.interchange.erp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a 404 from the ERP means, inside the circuit breaker: for an order, our configuration is wrong
 * (an outage the breaker counts); for a cancellation, the order is not there yet (an answer).
 */
class ErpNotFoundAnswerTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();
    private final ErpAvailability availability = new ErpAvailability();

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
    }

    @Test
    void aCancellationsOrderNotThereYetIsAnAnswerNotAnOutage() {
        assertThatCode(() -> availability.process(answer("cancellation", 404))).doesNotThrowAnyException();
    }

    @Test
    void anOrderPostedToAPathTheErpDoesNotKnowIsAnOutage() {
        assertThatThrownBy(() -> availability.process(answer("order", 404))).isInstanceOf(ErpUnavailableException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aCancellationMeetingAnErpThatIsDownIsAnOutage() {
        assertThatThrownBy(() -> availability.process(answer("cancellation", 503))).isInstanceOf(ErpUnavailableException.class);
    }

    private static Exchange answer(String documentType, int status) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(DocumentHeaders.DOCUMENT_TYPE, documentType);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody("{\"error\":\"not found\"}");
        return exchange;
    }
}
