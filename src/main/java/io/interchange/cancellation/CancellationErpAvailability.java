package io.interchange.cancellation;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs inside the ERP circuit breaker after a cancellation call, like {@code erpAvailability} for
 * orders, with one difference: 404 means "no such order yet" (the cancellation overtook its order),
 * an answer from a healthy ERP. It must not count against the breaker, or a few early
 * cancellations could stop every order; {@code erpAnswer} after the breaker still makes it a
 * retryable failure, so the cancellation waits for its order.
 */
public class CancellationErpAvailability implements Processor {

    private final Processor erpAvailability;

    public CancellationErpAvailability(Processor erpAvailability) {
        this.erpAvailability = erpAvailability;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) == 404) {
            return;
        }
        erpAvailability.process(exchange);
    }
}
