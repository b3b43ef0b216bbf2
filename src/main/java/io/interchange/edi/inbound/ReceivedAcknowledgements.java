package io.interchange.edi.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.Types;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * Every acknowledgement partners sent us ({@code edi_partner_acknowledgement}), one row per verdict,
 * matched or not: an acknowledgement of a control number we do not know is kept here for ops, not
 * retried or refused.
 */
public class ReceivedAcknowledgements {

    private final DataSource dataSource;

    public ReceivedAcknowledgements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this file's acknowledgement was already taken in (the file is read again after a failed pass). */
    public boolean alreadyReceived(String partnerId, String fileName, PartnerAcknowledgement ack) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select count(*) from edi_partner_acknowledgement where partner_id = ? and file_name = ?
                            and acknowledgement_type = ? and acknowledgement_number = ?
                            and coalesce(referenced_interchange, '') = ? and coalesce(referenced_group, '') = ?""")) {
            query.setString(1, partnerId);
            query.setString(2, fileName);
            query.setString(3, ack.type());
            query.setString(4, ack.controlNumber());
            query.setString(5, ack.interchangeReference() == null ? "" : ack.interchangeReference());
            query.setString(6, ack.groupReference() == null ? "" : ack.groupReference());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot look up acknowledgements of " + partnerId, e);
        }
    }

    public void record(String partnerId, String fileName, PartnerAcknowledgement ack, AcknowledgementMatch match) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into edi_partner_acknowledgement (partner_id, file_name, acknowledgement_type,
                            acknowledgement_number, referenced_interchange, referenced_group, referenced_transaction,
                            status, codes, sent_document_id, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, partnerId);
            insert.setString(2, fileName);
            insert.setString(3, ack.type());
            insert.setString(4, ack.controlNumber());
            insert.setString(5, clip(ack.interchangeReference(), 35));
            insert.setString(6, clip(ack.groupReference(), 35));
            insert.setString(7, clip(match.referencedTransaction(), 35));
            insert.setString(8, match.status().text());
            insert.setString(9, clip(match.codes(), 1000));
            if (match.matched()) {
                insert.setLong(10, match.document().id());
            } else {
                insert.setNull(10, Types.BIGINT);
            }
            insert.setTimestamp(11, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the " + ack.type() + " of " + partnerId + " in " + fileName, e);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
