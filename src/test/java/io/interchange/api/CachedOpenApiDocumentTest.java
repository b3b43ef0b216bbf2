package io.interchange.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is generated once per REST model and per way it is asked for. */
class CachedOpenApiDocumentTest {

    private final CamelContext context = new DefaultCamelContext();
    private final AtomicInteger generated = new AtomicInteger();
    private final List<Object> restModel = new ArrayList<>(List.of(new Object(), new Object()));
    private final CachedOpenApiDocument document = new CachedOpenApiDocument(exchange -> {
        int generation = generated.incrementAndGet();
        exchange.getMessage().setHeader("Content-Type", "application/json");
        exchange.getMessage().setBody(("{\"servers\":\"" + exchange.getIn().getHeader("X-Forwarded-Host")
                + "\",\"generation\":" + generation + "}").getBytes(StandardCharsets.UTF_8));
    }, () -> List.copyOf(restModel));

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void theSameRequestIsAnsweredFromMemoryWithTheGeneratorsHeaders() throws Exception {
        Exchange first = ask("gw.example.com");
        Exchange second = ask("gw.example.com");

        assertThat(generated).hasValue(1);
        assertThat(body(second)).isEqualTo(body(first)).contains("gw.example.com");
        assertThat(second.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void anotherAddressGetsItsOwnDocument() throws Exception {
        ask("gw.example.com");
        Exchange other = ask("other.example.com");

        assertThat(generated).hasValue(2);
        assertThat(body(other)).contains("other.example.com");
        assertThat(body(ask("gw.example.com"))).contains("\"generation\":1");
        assertThat(body(ask("other.example.com"))).contains("\"generation\":2");
        assertThat(generated).hasValue(2);
    }

    @Test
    void reloadedRestDefinitionsAreDocumentedAfresh() throws Exception {
        ask("gw.example.com");
        restModel.set(1, new Object());

        assertThat(body(ask("gw.example.com"))).contains("\"generation\":2");
        assertThat(body(ask("gw.example.com"))).contains("\"generation\":2");
        assertThat(generated).hasValue(2);
    }

    @Test
    void manyHostsKeepOnlyTheRecentOnes() throws Exception {
        for (int i = 0; i <= CachedOpenApiDocument.MAX_ANSWERS; i++) {
            ask("host-" + i);
        }
        ask("host-" + CachedOpenApiDocument.MAX_ANSWERS);
        assertThat(generated).hasValue(CachedOpenApiDocument.MAX_ANSWERS + 1);

        ask("host-0");
        assertThat(generated).as("the eldest was let go").hasValue(CachedOpenApiDocument.MAX_ANSWERS + 2);
    }

    private Exchange ask(String host) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setHeader(Exchange.HTTP_PATH, "/api/openapi.json");
        exchange.getIn().setHeader("X-Forwarded-Host", host);
        document.process(exchange);
        return exchange;
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }
}
