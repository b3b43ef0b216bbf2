package io.interchange.edi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.interchange.edi.intake.OutboundDocument;
import io.interchange.edi.intake.PartnerOutbox;
import io.interchange.partner.Partner;
import io.interchange.partner.PartnerDirectory;
import io.interchange.partner.PartnerRegistryParser;
import io.interchange.support.TrackingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file staged with its control numbers reaches outbound/ once: after its commit through the pass that
 * staged it, or, when that pass stopped, through the relay once it is older than the relay's age.
 */
class StagedFileRelayTest {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() throws Exception {
        dataSource = TrackingDatabase.migrated("staged-file-relay-test");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** The SFTP write, recorded instead of sent: what this test is about is what is written when. */
    private static final class RecordingOutbox extends PartnerOutbox {
        final List<String> written = new ArrayList<>();

        RecordingOutbox() {
            super(null, null, dataSource);
        }

        @Override
        public void deliver(Partner partner, OutboundDocument document) {
            written.add(partner.id() + "/" + document.fileName() + ":" + new String(document.content(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aStagedFileIsDeliveredOnceByItsPassOrByTheRelayWhenThePassStopped() throws Exception {
        PartnerDirectory partners = new PartnerDirectory();
        partners.replace(new PartnerRegistryParser(Path.of("mappings"), Set.of(), 200_000_000L)
                .parse(Path.of("mappings", "partners.yaml")));
        Partner acme = partners.require("acme");
        RecordingOutbox outbox = new RecordingOutbox();
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        OutboundDocument delivered = new OutboundDocument("997-1.x12", "ack one".getBytes(StandardCharsets.UTF_8));
        OutboundDocument leftBehind = new OutboundDocument("855-2.x12", "response two".getBytes(StandardCharsets.UTF_8));
        OutboundDocument rolledBack = new OutboundDocument("997-3.x12", "never committed".getBytes(StandardCharsets.UTF_8));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outbox.stage(connection, acme, delivered);
            outbox.stage(connection, acme, leftBehind);
            connection.commit();
            outbox.stage(connection, acme, rolledBack);
            connection.rollback(); // a stop before the commit: nothing staged, nothing written
        }
        assertThat(outbox.written).as("nothing is written before the pass delivers after its commit").isEmpty();
        outbox.deliverStaged(acme, delivered); // the pass goes on; it stops before delivering the 855

        StagedFileRelay tooSoon = new StagedFileRelay(outbox, partners, Duration.ofHours(1), Clock.systemUTC());
        assertThat(tooSoon.deliverOverdue()).as("staged less than the relay's age ago: still the pass's").isZero();

        StagedFileRelay relay = new StagedFileRelay(outbox, partners, Duration.ofSeconds(10),
                Clock.fixed(now.plus(Duration.ofDays(3650)), ZoneOffset.UTC));
        assertThat(relay.deliverOverdue()).isEqualTo(1);
        assertThat(relay.deliverOverdue()).as("delivered once, then no longer staged").isZero();
        assertThat(outbox.written).containsExactly("acme/997-1.x12:ack one", "acme/855-2.x12:response two");
    }
}
