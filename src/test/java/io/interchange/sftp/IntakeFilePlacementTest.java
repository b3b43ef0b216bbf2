package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConsumer;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.FileOperations;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a failed intake file goes: to the error folder once judged, left in inbound/ otherwise. */
class IntakeFilePlacementTest {

    @TempDir
    Path dir;

    private DefaultCamelContext camel;
    private FileEndpoint endpoint;
    private FileOperations operations;
    private Path inbound;
    private Path po;
    private final IntakeFilePlacement placement = new IntakeFilePlacement(10, 0, 1_000, name -> false);

    @BeforeEach
    void inbound() throws Exception {
        inbound = Files.createDirectories(dir.resolve("inbound"));
        po = Files.writeString(inbound.resolve("po.edi"), "ISA*00*...~");
        camel = new DefaultCamelContext();
        camel.start();
        endpoint = camel.getEndpoint("file:" + inbound, FileEndpoint.class);
        operations = new FileOperations(endpoint);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aFileJudgedBadGoesToItsErrorTarget() throws Exception {
        Exchange exchange = failed();
        exchange.getMessage().setHeader(IntakeFilePlacement.ERROR_TARGET, dir.resolve("error/po.edi").toString());

        placement.rollback(operations, endpoint, exchange, file());

        assertThat(po).doesNotExist();
        assertThat(dir.resolve("error/po.edi")).exists();
    }

    @Test
    void aFileToRetryLaterStaysInInbound() throws Exception {
        Exchange exchange = failed();
        exchange.getMessage().setHeader(IntakeFilePlacement.ERROR_TARGET, dir.resolve("error/po.edi").toString());
        exchange.setProperty(IntakeFilePlacement.RETRY_LATER, true);

        placement.rollback(operations, endpoint, exchange, file());

        assertThat(po).exists();
        assertThat(dir.resolve("error")).doesNotExist();
    }

    @Test
    void aFileCutOffBeforeTheRouteJudgedItStaysInInboundForTheNextPoll() throws Exception {
        // e.g. the route was stopped or suspended with the file in flight: no error target was set yet
        placement.rollback(operations, endpoint, failed(), file());

        assertThat(po).exists();
        assertThat(dir.resolve("error")).doesNotExist();
    }

    private Exchange failed() {
        Exchange exchange = endpoint.createExchange();
        exchange.setException(new IllegalStateException("cut off"));
        return exchange;
    }

    private GenericFile<File> file() {
        return FileConsumer.asGenericFile(inbound.toString(), po.toFile(), null, false);
    }
}
