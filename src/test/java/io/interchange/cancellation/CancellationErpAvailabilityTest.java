package io.interchange.cancellation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interchange.erp.ErpAvailability;
import io.interchange.erp.ErpUnavailableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A cancellation that overtook its order (404) must not count against the ERP breaker. */
class CancellationErpAvailabilityTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final CancellationErpAvailability availability = new CancellationErpAvailability(new ErpAvailability());

    @AfterAll
    static void close() {
        CONTEXT.stop();
    }

    @Test
    void noSuchOrderYetIsAnAnswerFromAHealthyErp() {
        assertThatCode(() -> availability.process(answered(404))).doesNotThrowAnyException();
    }

    @Test
    void otherAnswersAreJudgedAsForOrders() {
        assertThatCode(() -> availability.process(answered(200))).doesNotThrowAnyException();
        assertThatCode(() -> availability.process(answered(422))).doesNotThrowAnyException();
        assertThatThrownBy(() -> availability.process(answered(503))).isInstanceOf(ErpUnavailableException.class);
        assertThatThrownBy(() -> availability.process(answered(410))).isInstanceOf(ErpUnavailableException.class);
    }

    private static Exchange answered(int status) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody("{}");
        return exchange;
    }
}
