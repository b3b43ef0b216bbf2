package io.interchange.edi.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.interchange.partner.Partner;
import io.interchange.partner.PartnerEndpoints;
import io.interchange.tracking.TrackingException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Writes files to a partner's folders over SFTP: acknowledgements and responses to
 * {@code outbound/} (under a temporary name first, so the partner never picks up half a file),
 * reason files to the error folder.
 *
 * <p>A file that spends control numbers is first <em>staged</em>: stored in the database on the
 * transaction that draws its numbers ({@link #stage}), and written to {@code outbound/} only after
 * that commit ({@link #deliverStaged}), which then removes the staged row. A stop before the commit
 * leaves nothing, neither numbers nor file: the next pass draws the same numbers for whatever it
 * writes. A stop after it leaves the staged row, which {@link #overdue} finds for the relay
 * ({@code StagedFileRelay}) to deliver under the same name. Written before the commit, a file could
 * name a number the next pass gave to another document (a 997 and then an 855 with the same ISA13,
 * and a second 997 for the file: found by the cluster suite).
 */
public class PartnerOutbox {

    private static final String STAGE =
            "insert into edi_outbound_staged (partner_id, file_name, content, staged_at) values (?, ?, ?, ?)";
    private static final String UNSTAGE = "delete from edi_outbound_staged where partner_id = ? and file_name = ?";
    private static final String OVERDUE =
            "select partner_id, file_name, content from edi_outbound_staged where staged_at < ? order by staged_at";

    private final ProducerTemplate producer;
    private final PartnerEndpoints endpoints;
    private final DataSource dataSource;

    public PartnerOutbox(ProducerTemplate producer, PartnerEndpoints endpoints, DataSource dataSource) {
        this.producer = producer;
        this.endpoints = endpoints;
        this.dataSource = dataSource;
    }

    /** A staged file still waiting for its delivery, and the partner it is for. */
    public record Staged(String partnerId, OutboundDocument document) {
    }

    public void deliver(Partner partner, OutboundDocument document) {
        producer.sendBodyAndHeader(endpoints.outbound(partner), document.content(), Exchange.FILE_NAME, document.fileName());
    }

    /** Stores {@code document} on {@code connection}'s transaction (the one its control numbers are drawn on). */
    public void stage(Connection connection, Partner partner, OutboundDocument document) {
        try (PreparedStatement insert = connection.prepareStatement(STAGE)) {
            insert.setString(1, partner.id());
            insert.setString(2, document.fileName());
            insert.setBytes(3, document.content());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot stage " + document.fileName() + " of partner " + partner.id(), e);
        }
    }

    /** After the staging transaction committed: writes {@code document} to outbound/, then unstages it. */
    public void deliverStaged(Partner partner, OutboundDocument document) {
        deliver(partner, document);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(UNSTAGE)) {
            delete.setString(1, partner.id());
            delete.setString(2, document.fileName());
            delete.executeUpdate();
        } catch (SQLException e) {
            // the file is out but its row stays: the caller hears of it, and the relay later writes the same
            // file again under the same name, which changes nothing for the partner
            throw new TrackingException("Cannot unstage " + document.fileName() + " of partner " + partner.id(), e);
        }
    }

    /** Files staged before {@code stagedBefore} and not delivered since, oldest first. */
    public List<Staged> overdue(Instant stagedBefore) {
        List<Staged> staged = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(OVERDUE)) {
            query.setTimestamp(1, Timestamp.from(stagedBefore));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    staged.add(new Staged(rows.getString(1), new OutboundDocument(rows.getString(2), rows.getBytes(3))));
                }
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the staged partner files", e);
        }
        return staged;
    }

    public void reason(Partner partner, String fileName, String text) {
        producer.sendBodyAndHeader(endpoints.error(partner), text.getBytes(StandardCharsets.UTF_8), Exchange.FILE_NAME, fileName);
    }
}
