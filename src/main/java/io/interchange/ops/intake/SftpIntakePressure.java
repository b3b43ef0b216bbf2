package io.interchange.ops.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;

/**
 * Poll strategy of the SFTP partner intakes: while the bus is too deep ({@link IntakePressure}) a
 * poll is skipped, so the partner's files stay in its inbound folder until the depth is down, and
 * the partner is told nothing (there is nothing wrong with its files). Not a route suspension: that
 * is ops' switch, and shows as such. Extends camel-ftp's own strategy so that a failed poll still
 * drops the connection and the next poll reconnects.
 */
public class SftpIntakePressure extends RemoteFilePollingConsumerPollStrategy {

    private final IntakePressure pressure;

    public SftpIntakePressure(IntakePressure pressure) {
        this.pressure = pressure;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return !pressure.isHoldingBack();
    }
}
