package io.interchange.erp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which ERP answers count against the circuit breaker and are retried, and which are answers. */
class ErpAvailabilityTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();
    private static final String ENDPOINT = "http://localhost:8090/erp/api/sales-orders";

    private final ErpAvailability availability = new ErpAvailability();

    @AfterAll
    static void close() {
        CONTEXT.stop();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 299, 400, 409, 422})
    void successesAndBusinessRejectionsAreAnswers(int status) {
        assertThatCode(() -> availability.process(answered(status, "{}"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 404, 401, 403, 302, 199})
    void everyOtherStatusMeansNotNow(int status) {
        assertThatThrownBy(() -> availability.process(answered(status, "busy")))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("ERP answered HTTP " + status + " at " + ENDPOINT + ": busy");
    }

    @Test
    void noStatusAtAllMeansNotNow() {
        Exchange exchange = new DefaultExchange(CONTEXT);

        assertThatThrownBy(() -> availability.process(exchange))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("ERP answered HTTP 0 at the ERP: ");
    }

    @Test
    void theEndpointIsNamedWithoutItsQueryWhichCarriesTheCredentials() {
        Exchange exchange = answered(503, "x".repeat(700));
        exchange.setProperty(Exchange.TO_ENDPOINT, ENDPOINT + "?authUsername=interchange&authPassword=s3cret");

        assertThatThrownBy(() -> availability.process(exchange))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("ERP answered HTTP 503 at " + ENDPOINT + ": " + "x".repeat(500) + "...")
                .message().doesNotContain("s3cret");
    }

    private static Exchange answered(int status, String body) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        exchange.setProperty(Exchange.TO_ENDPOINT, ENDPOINT);
        return exchange;
    }
}
