package io.interchange.ops.intake;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of an HTTP intake route: refuses the request with 503 problem+json and
 * {@code Retry-After} while ops keep the intake suspended or while the bus is too deep
 * ({@link IntakePressure}); nothing is read or enqueued then.
 */
public class IntakeGate implements Processor {

    private final GatedIntakeChannel channel;
    private final IntakePressure pressure;

    public IntakeGate(GatedIntakeChannel channel, IntakePressure pressure) {
        this.channel = channel;
        this.pressure = pressure;
    }

    @Override
    public void process(Exchange exchange) {
        channel.admit();
        pressure.admit();
    }
}
