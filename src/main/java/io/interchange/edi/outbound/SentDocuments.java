package io.interchange.edi.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * The outbound documents partners are to acknowledge ({@code edi_sent_document}): recorded with
 * their control numbers when written, looked up by the group or interchange a partner's 997/999/
 * CONTRL names, marked with its verdict, and listed while unanswered.
 */
public class SentDocuments {

    private static final String COLUMNS = "id, partner_id, transaction_set, file_name, interchange_control_number,"
            + " group_control_number, transaction_control_number, document_id, sent_at, ack_status";

    private final DataSource dataSource;

    public SentDocuments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A document is in the partner's outbound folder and waits for its acknowledgement; recorded on
     * the transaction that spends its control numbers.
     */
    public void record(Connection connection, String partnerId, String setId, String fileName, long interchange,
            long group, long transaction, String documentId) {
        try (PreparedStatement insert = connection.prepareStatement("""
                        insert into edi_sent_document (partner_id, transaction_set, file_name, interchange_control_number,
                            group_control_number, transaction_control_number, document_id, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, partnerId);
            insert.setString(2, setId);
            insert.setString(3, fileName);
            insert.setString(4, Long.toString(interchange));
            insert.setString(5, Long.toString(group));
            insert.setString(6, Long.toString(transaction));
            insert.setString(7, documentId);
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot record " + setId + " " + fileName + " sent to " + partnerId, e);
        }
    }

    /** Our documents of a group (GS06), for an X12 997/999. */
    public List<SentDocument> inGroup(String partnerId, String groupControlNumber) {
        return select("select " + COLUMNS + " from edi_sent_document where partner_id = ? and group_control_number = ?"
                + " order by id", partnerId, SentDocument.normalize(groupControlNumber));
    }

    /** Our documents of an interchange (UNB 0020), for an EDIFACT CONTRL. */
    public List<SentDocument> inInterchange(String partnerId, String interchangeControlNumber) {
        return select("select " + COLUMNS + " from edi_sent_document where partner_id = ?"
                + " and interchange_control_number = ? order by id", partnerId,
                SentDocument.normalize(interchangeControlNumber));
    }

    /** The partner's verdict on a document; a later acknowledgement (a resend) replaces an earlier one. */
    public void acknowledge(long id, String status, String detail) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update edi_sent_document set ack_status = ?, ack_detail = ?, acknowledged_at = ? where id = ?")) {
            update.setString(1, status);
            update.setString(2, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the acknowledgement of sent document " + id, e);
        }
    }

    /** How many of the partner's documents sent in [{@code sentAfter}, {@code sentBefore}) are unanswered. */
    public long countUnacknowledged(String partnerId, Instant sentAfter, Instant sentBefore) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from edi_sent_document"
                        + " where partner_id = ? and ack_status is null and sent_at >= ? and sent_at < ?")) {
            query.setString(1, partnerId);
            query.setTimestamp(2, Timestamp.from(sentAfter));
            query.setTimestamp(3, Timestamp.from(sentBefore));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot count unacknowledged documents of " + partnerId, e);
        }
    }

    /** The partner's unanswered documents sent in [{@code sentAfter}, {@code sentBefore}), oldest first. */
    public List<SentDocument> unacknowledged(String partnerId, Instant sentAfter, Instant sentBefore, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select " + COLUMNS + " from edi_sent_document"
                        + " where partner_id = ? and ack_status is null and sent_at >= ? and sent_at < ? order by sent_at, id")) {
            query.setMaxRows(limit);
            query.setString(1, partnerId);
            query.setTimestamp(2, Timestamp.from(sentAfter));
            query.setTimestamp(3, Timestamp.from(sentBefore));
            return rows(query);
        } catch (SQLException e) {
            throw new TrackingException("Cannot list unacknowledged documents of " + partnerId, e);
        }
    }

    private List<SentDocument> select(String sql, String partnerId, String number) {
        if (number == null) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, partnerId);
            query.setString(2, number);
            return rows(query);
        } catch (SQLException e) {
            throw new TrackingException("Cannot look up documents sent to " + partnerId, e);
        }
    }

    private static List<SentDocument> rows(PreparedStatement query) throws SQLException {
        List<SentDocument> documents = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                documents.add(new SentDocument(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getTimestamp(9).toInstant(), row.getString(10)));
            }
        }
        return documents;
    }
}
