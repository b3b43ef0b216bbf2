package io.interchange.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interchange.model.DocumentHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the ERP's answer (after {@link ErpAvailability} let it through) makes of the order. */
class ErpAnswerTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final ErpAnswer answer = new ErpAnswer();

    @AfterAll
    static void close() {
        CONTEXT.stop();
    }

    @Test
    void anOrderNumberIsPutInTheHeader() throws Exception {
        Exchange exchange = answered(201, "{\"erpOrderNumber\":\"SO-1001\",\"status\":\"created\"}");

        answer.process(exchange);

        assertThat(exchange.getMessage().getHeader(DocumentHeaders.ERP_ORDER_NUMBER)).isEqualTo("SO-1001");
    }

    @Test
    void aRejectionCarriesTheErpsMessageAndStatus() {
        assertThatThrownBy(() -> answer.process(answered(422, "{\"message\":\"unknown item GIZMO-9\",\"error\":\"invalid\"}")))
                .isInstanceOfSatisfying(ErpRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).isEqualTo("unknown item GIZMO-9");
                });
    }

    @Test
    void aRejectionWithoutMessageCarriesTheErpsError() {
        assertThatThrownBy(() -> answer.process(answered(409, "{\"error\":\"duplicate order\"}")))
                .isInstanceOfSatisfying(ErpRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("duplicate order");
                });
    }

    @Test
    void aRejectionThatIsNotJsonCarriesTheBodyItself() {
        assertThatThrownBy(() -> answer.process(answered(400, "Bad Request: line 3")))
                .isInstanceOf(ErpRejectedException.class)
                .hasMessage("Bad Request: line 3");
    }

    @Test
    void aLongBodyIsCutToFiveHundredCharacters() {
        String body = "x".repeat(600);

        assertThatThrownBy(() -> answer.process(answered(400, body)))
                .isInstanceOf(ErpRejectedException.class)
                .hasMessage("x".repeat(500) + "...");
    }

    @Test
    void aSuccessWithoutOrderNumberIsRetriedNotBooked() {
        Exchange exchange = answered(200, "{\"status\":\"created\"}");

        assertThatThrownBy(() -> answer.process(exchange))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("ERP answered HTTP 200 without erpOrderNumber: {\"status\":\"created\"}");
        assertThat(exchange.getMessage().getHeader(DocumentHeaders.ERP_ORDER_NUMBER)).isNull();
    }

    @Test
    void aBlankOrderNumberOrAnEmptyBodyIsNoAnswer() {
        assertThatThrownBy(() -> answer.process(answered(201, "{\"erpOrderNumber\":\"  \"}")))
                .isInstanceOf(ErpUnavailableException.class);
        assertThatThrownBy(() -> answer.process(answered(204, null)))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("ERP answered HTTP 204 without erpOrderNumber: ");
    }

    private static Exchange answered(int status, String body) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
