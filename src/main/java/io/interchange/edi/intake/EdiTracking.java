package io.interchange.edi.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.tracking.DocumentDetails;
import io.interchange.tracking.DocumentTimeline;
import io.interchange.tracking.TrackingException;

/**
 * The EDI side of tracking ({@code edi_transaction}): for each inbound transaction its file,
 * interchange, group and transaction control numbers and what became of it. Shown under
 * {@code edi} in {@code GET /api/v1/orders/{documentId}}. The EDI hops of a document
 * ({@code file-received}, {@code acknowledgement-sent}, {@code order-response-sent}) go to its
 * {@link DocumentTimeline}.
 */
public class EdiTracking implements DocumentDetails {

    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;
    private final DocumentTimeline timeline;

    public EdiTracking(DataSource dataSource, DocumentTimeline timeline) {
        this.dataSource = dataSource;
        this.timeline = timeline;
    }

    public void record(EdiTransactionRecord record) {
        recordAll(List.of(record));
    }

    /**
     * Several records in one transaction (a file's batch of admitted orders). A resend of a known
     * order ({@code duplicate}) whose document has no {@code admitted} record is recorded as its
     * admission, with its canonical order: the pass that put the order on the bus stopped before
     * recording it (a bus commit that failed across a failover but had reached the bus), and the
     * order response waits for this record ({@code NotYetException}). Other resends keep no copy.
     */
    public void recordAll(List<EdiTransactionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                        insert into edi_transaction (partner_id, file_name, interchange_control_number,
                            group_control_number, transaction_control_number, transaction_set, external_number,
                            document_id, state, reason, canonical_order, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                List<EdiTransactionRecord> written = withFirstRecords(connection, records);
                Timestamp now = Timestamp.from(Instant.now());
                for (EdiTransactionRecord record : written) {
                    insert.setString(1, record.partnerId());
                    insert.setString(2, record.fileName());
                    insert.setString(3, record.interchangeControlNumber());
                    insert.setString(4, record.groupControlNumber());
                    insert.setString(5, record.transactionControlNumber());
                    insert.setString(6, record.transactionSet());
                    insert.setString(7, clip(record.externalNumber(), 100));
                    insert.setString(8, record.documentId());
                    insert.setString(9, record.state());
                    insert.setString(10, clip(record.reason(), MAX_TEXT));
                    insert.setString(11, record.canonicalOrder());
                    insert.setTimestamp(12, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                timeline.recordAll(connection, written.stream().filter(record -> record.documentId() != null)
                        .map(EdiTracking::fileReceived).toList());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            EdiTransactionRecord first = records.get(0);
            throw new TrackingException("Cannot track EDI transaction " + first.transactionControlNumber()
                    + (records.size() > 1 ? " and " + (records.size() - 1) + " more" : "") + " of " + first.fileName(), e);
        }
    }

    /** The records as written: a resend becomes the first record of an unrecorded document; resends keep no copy. */
    private static List<EdiTransactionRecord> withFirstRecords(Connection connection, List<EdiTransactionRecord> records)
            throws SQLException {
        if (records.stream().noneMatch(EdiTracking::isResend)) {
            return records;
        }
        List<EdiTransactionRecord> written = new ArrayList<>(records.size());
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from edi_transaction where document_id = ? and state = 'admitted'")) {
            for (EdiTransactionRecord record : records) {
                if (!isResend(record)) {
                    written.add(record);
                    continue;
                }
                select.setString(1, record.documentId());
                boolean recorded;
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    recorded = row.getLong(1) > 0;
                }
                written.add(recorded ? record.withState("duplicate", null) : record.withState("admitted", record.canonicalOrder()));
            }
        }
        return written;
    }

    private static boolean isResend(EdiTransactionRecord record) {
        return "duplicate".equals(record.state()) && record.documentId() != null;
    }

    private static DocumentTimeline.NewHop fileReceived(EdiTransactionRecord record) {
        return new DocumentTimeline.NewHop(record.documentId(), "file-received", "ok", record.transactionSet() + " "
                + record.transactionControlNumber() + " in group " + record.groupControlNumber() + " of interchange "
                + record.interchangeControlNumber() + ", file " + record.fileName()
                + ("duplicate".equals(record.state()) ? " (a resend of an order already admitted)" : ""));
    }

    /**
     * One {@code acknowledgement-sent} hop for every document that an interchange of this file
     * made or resent, written in one statement so that a file of any size costs no memory here, on
     * the transaction that spends the acknowledgement's control numbers.
     * The {@code distinct} is in a subquery: PostgreSQL types the parameters of a {@code select
     * distinct} list before it sees the insert's columns, and refused the timestamp as text.
     */
    public void acknowledged(Connection connection, String partnerId, String fileName, String interchangeControlNumber,
            String detail) {
        try (PreparedStatement insert = connection.prepareStatement("""
                        insert into document_event (document_id, step, outcome, detail, at, node_id)
                        select document_id, 'acknowledgement-sent', 'ok', ?, ?, ? from (
                            select distinct document_id from edi_transaction
                            where partner_id = ? and file_name = ? and interchange_control_number = ?
                                and document_id is not null) made""")) {
            insert.setString(1, clip(detail, MAX_TEXT));
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, timeline.node());
            insert.setString(4, partnerId);
            insert.setString(5, fileName);
            insert.setString(6, interchangeControlNumber);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot record the acknowledgement of interchange " + interchangeControlNumber
                    + " of " + fileName, e);
        }
    }

    /** The order response could not be written yet; it comes back ({@code detail} says why and when). */
    public void responseRetrying(String documentId, String detail) {
        timeline.record(documentId, "order-response-retrying", "retrying", detail);
    }

    /** The order response could not be written; it waits in the dead-letter queue. */
    public void responseFailed(String documentId, String detail) {
        timeline.record(documentId, "order-response-dead-lettered", "failed", detail);
    }

    /** Whether a response saying {@code decision} was already written for the document (a redelivery, a replay). */
    public boolean hasResponded(String documentId, String decision) {
        try (Connection connection = dataSource.getConnection()) {
            return hasResponded(connection, documentId, decision);
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the order responses of " + documentId, e);
        }
    }

    /** {@link #hasResponded(String, String)} on the caller's transaction. */
    public boolean hasResponded(Connection connection, String documentId, String decision) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select count(*) from document_event"
                + " where document_id = ? and step = 'order-response-sent' and detail like ?")) {
            select.setString(1, documentId);
            select.setString(2, "% (" + decision + ") %");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    /**
     * The order response (855 / ORDRSP) answering the document is in the partner's outbound folder:
     * recorded on the transaction that spends its control numbers, so a stop before the commit leaves
     * it unrecorded and it is written again with the same numbers (one file name).
     */
    public void responded(Connection connection, String documentId, String detail) throws SQLException {
        timeline.recordAll(connection, List.of(new DocumentTimeline.NewHop(documentId, "order-response-sent", "ok", detail)));
    }

    /** The canonical order JSON an admitted transaction became, for the order response. */
    public Optional<AdmittedTransaction> admitted(String documentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select partner_id, interchange_control_number, group_control_number,
                            transaction_control_number, canonical_order
                        from edi_transaction where document_id = ? and state = 'admitted' order by id""")) {
            select.setString(1, documentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AdmittedTransaction(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)));
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read EDI tracking of " + documentId, e);
        }
    }

    @Override
    public void addTo(String documentId, ObjectNode document) {
        List<ObjectNode> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select file_name, interchange_control_number, group_control_number, transaction_control_number,
                            transaction_set, state, received_at
                        from edi_transaction where document_id = ? order by id""")) {
            select.setString(1, documentId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ObjectNode entry = document.objectNode()
                            .put("fileName", row.getString(1))
                            .put("interchangeControlNumber", row.getString(2))
                            .put("groupControlNumber", row.getString(3))
                            .put("transactionControlNumber", row.getString(4))
                            .put("transactionSet", row.getString(5))
                            .put("state", row.getString(6))
                            .put("receivedAt", row.getTimestamp(7).toInstant().toString());
                    rows.add(entry);
                }
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read EDI tracking of " + documentId, e);
        }
        if (!rows.isEmpty()) {
            // the first transaction is the one that made the document; later ones are resends
            ObjectNode edi = document.putObject("edi");
            edi.setAll(rows.get(0));
            if (rows.size() > 1) {
                ArrayNode resends = edi.putArray("resends");
                rows.subList(1, rows.size()).forEach(resends::add);
            }
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Where an admitted order came from, and the canonical order it became. */
    public record AdmittedTransaction(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber, String canonicalOrder) {
    }
}
