package io.interchange.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.interchange.model.BusinessKey;
import io.interchange.model.DocumentState;

/**
 * The tracking store: one row per document (unique by business key) and its history, in JDBC.
 * Every method is its own short transaction except {@link #open} (and {@link #admit}, {@link #admitAll}), which
 * keep the insert open while the documents are put on the bus.
 */
public class DocumentTracker {

    private static final String INSERT_DOCUMENT = """
            insert into tracked_document (document_id, correlation_id, document_type, channel, partner_id,
                external_number, business_key, state, attempts, received_at, updated_at, content_fingerprint)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_HISTORY =
            "insert into document_history (document_id, state, detail, at, node_id) values (?, ?, ?, ?, ?)";
    private static final String SELECT_DOCUMENT = """
            select document_id, correlation_id, document_type, business_key, state, erp_order_number, reason,
                attempts, received_at, updated_at
            from tracked_document""";
    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;
    private final DocumentTimeline timeline;
    private final String node;

    /** @param node this instance's id ({@code interchange.node.id}), written with every state change it records */
    public DocumentTracker(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.timeline = new DocumentTimeline(dataSource, node);
        this.node = node;
    }

    /**
     * Registers a new document and runs {@code enqueue} (the persistent send to the bus) before
     * committing: {@link #open}, the send, {@link PendingAdmission#commit}, for callers that send in
     * Java (a file intake's batch falls back to it). If the send fails, nothing is recorded and the
     * caller can try again.
     */
    public Admission admit(NewDocument document, String detail, Runnable enqueue) {
        try (PendingAdmission pending = open(document, detail)) {
            if (pending.isNew()) {
                enqueue.run();
                pending.commit();
            }
            return pending.admission();
        }
    }

    /**
     * The first half of an admission: inserts the document's row in a transaction left open for the
     * send to the bus, which the caller makes before {@link PendingAdmission#commit} (an intake route:
     * this step, its {@code to: jms:queue:...} step, the commit step). If the business key is already
     * known, nothing is left open and the original ids come back; a concurrent admission of the same
     * key waits on the unique constraint until the first commits.
     *
     * <p>Send first, commit second, answer last: once the caller answers, the document is durable on
     * the bus and in this store. A crash between the send and the commit leaves a copy on the bus
     * without its row and the sender without an answer; {@link #submitted} recognises that copy when
     * it is consumed ({@link BusCopy#UNTRACKED} or {@link BusCopy#SUPERSEDED}), so no recovery step
     * is needed at start-up. (Committing first would leave a row the bus never got, which only a
     * stored copy of the body could repair.)
     */
    public PendingAdmission open(NewDocument document, String detail) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try {
                insertDocument(connection, document, DocumentState.RECEIVED, 0);
                insertHistory(connection, document.documentId(), DocumentState.RECEIVED, detail, document.receivedAt());
                PendingAdmission pending = new PendingAdmission(connection,
                        new Admission(document.documentId(), document.correlationId(), false));
                connection = null; // the pending admission owns it now
                return pending;
            } catch (SQLException e) {
                connection.rollback();
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // same connection: with every pooled connection held by a waiting duplicate, asking
                // the pool for another one here would wait for ever
                TrackedDocument original = findOne(connection, SELECT_DOCUMENT + " where business_key = ?",
                        document.businessKey().toString())
                        .orElseThrow(() -> new IllegalStateException("Duplicate without original: " + document.businessKey(), e));
                return PendingAdmission.known(new Admission(original.documentId(), original.correlationId(), true,
                        otherContent(connection, document)));
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot admit " + document.businessKey(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // nothing was committed on it; the pool discards a broken connection
            }
        }
    }

    /**
     * {@link #admit} for many documents at once, with one transaction: {@code enqueue} gets the
     * documents whose business key is new and must put them all on the bus before returning, then
     * they are committed. One commit instead of one per document is what lets a file of hundreds
     * of thousands of orders in at disk speed. Should a key turn up meanwhile (the same key twice in
     * the batch, or a concurrent admission), the batch is rolled back before anything was enqueued
     * and each document is admitted on its own.
     *
     * @return the admission of each document, in the order given
     */
    public List<Admission> admitAll(List<NewDocument> documents, String detail, Consumer<List<NewDocument>> enqueue) {
        Map<String, Admission> known;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                known = knownKeys(connection, documents);
                List<NewDocument> fresh = documents.stream()
                        .filter(d -> !known.containsKey(d.businessKey().toString())).toList();
                insertAll(connection, fresh, detail);
                if (!fresh.isEmpty()) {
                    enqueue.accept(fresh);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                return documents.stream().map(d -> admit(d, detail, () -> enqueue.accept(List.of(d)))).toList();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot admit " + documents.size() + " documents", e);
        }
        return documents.stream().map(d -> known.getOrDefault(d.businessKey().toString(),
                new Admission(d.documentId(), d.correlationId(), false))).toList();
    }

    /**
     * Marks the document as being sent to the ERP (attempt n), if it is to be sent at all: the copy
     * taken off the bus is judged first ({@link BusCopy}). The admission sends a document before its
     * row commits, so the consumer may get here first: the insert then waits on the primary key until
     * the admission commits, and the second look finds the row. A copy whose row never committed (a
     * crash between the send and the commit) is tracked from here, unless its business key belongs to
     * another document meanwhile; a copy of a settled document, or a superseded one, is recorded on
     * the timeline of the document that holds its key and goes no further.
     */
    public BusCopy submitted(NewDocument document, int attempt) {
        Instant now = Instant.now();
        String detail = "attempt " + attempt;
        try (Connection connection = dataSource.getConnection()) {
            // the state and its history entry commit together: a reader never sees one without the other
            connection.setAutoCommit(false);
            for (int look = 1; ; look++) {
                // one statement, one snapshot: read apart, the admission could commit in between and
                // the copy would find its own row as the owner of its key
                Map<String, String> rows = rowsOf(connection, document);
                Optional<DocumentState> own = Optional.ofNullable(rows.remove(document.documentId())).map(DocumentState::valueOf);
                String owner = rows.isEmpty() ? null : rows.keySet().iterator().next();
                BusCopy copy = BusCopy.of(own.orElse(null), owner);
                switch (copy) {
                    case TRACKED -> {
                        updateState(connection, document.documentId(), DocumentState.SUBMITTED, null, null, attempt, now);
                        insertHistory(connection, document.documentId(), DocumentState.SUBMITTED, detail, now);
                    }
                    case UNTRACKED -> {
                        try {
                            insertDocument(connection, document, DocumentState.SUBMITTED, attempt);
                        } catch (SQLException e) {
                            connection.rollback();
                            if (!isUniqueViolation(e) || look > 1) {
                                throw e;
                            }
                            continue; // a pending admission committed meanwhile (or a retry took the key): look again
                        }
                        insertHistory(connection, document.documentId(), DocumentState.SUBMITTED,
                                detail + "; tracked from the bus (its admission did not commit)", now);
                    }
                    case SETTLED -> timeline.record(document.documentId(), "redelivered", "settled",
                            "a copy came off the bus again (attempt " + attempt + ") after the ERP's final answer ("
                                    + own.get().apiName() + "); acknowledged without an ERP call", now);
                    case SUPERSEDED -> timeline.record(owner, "superseded-copy", "settled", "document "
                            + document.documentId() + " with the same business key was on the bus without its"
                            + " tracking row (an admission cut off before its commit, then retried as this"
                            + " document); acknowledged without an ERP call", now);
                }
                connection.commit();
                return copy;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot record attempt for " + document.documentId(), e);
        }
    }

    /** Records an attempt that failed and will be retried; the state stays SUBMITTED. */
    public void attemptFailed(String documentId, String detail) {
        try (Connection connection = dataSource.getConnection()) {
            insertHistory(connection, documentId, DocumentState.SUBMITTED, detail, Instant.now());
        } catch (SQLException e) {
            throw new TrackingException("Cannot record failed attempt for " + documentId, e);
        }
    }

    /** Moves the document to a final or dead-lettered state. */
    public void settle(String documentId, DocumentState state, String erpOrderNumber, String reason) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            // one commit: a reader that sees the new state sees its history entry too
            connection.setAutoCommit(false);
            try {
                updateState(connection, documentId, state, erpOrderNumber, reason, null, now);
                insertHistory(connection, documentId, state, erpOrderNumber != null ? "ERP order " + erpOrderNumber : reason, now);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot record " + state + " for " + documentId, e);
        }
    }

    public Optional<TrackedDocument> find(String documentId) {
        return findOne(SELECT_DOCUMENT + " where document_id = ?", documentId);
    }

    public Optional<TrackedDocument> findByBusinessKey(BusinessKey key) {
        return findOne(SELECT_DOCUMENT + " where business_key = ?", key.toString());
    }

    /** Every document a partner sent under its own number, whatever the channel (oldest first). */
    public List<TrackedDocument> findByPartnerNumber(String partnerId, String externalNumber) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select document_id from tracked_document where partner_id = ? and external_number = ? order by received_at")) {
            statement.setString(1, partnerId);
            statement.setString(2, externalNumber);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read tracking store", e);
        }
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** State by document id of the copy's own row and of the row holding its business key, if any. */
    private static Map<String, String> rowsOf(Connection connection, NewDocument document) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                // a union, not an OR: each side by its own index (an OR on two columns may scan the table)
                "select document_id, state from tracked_document where document_id = ?"
                        + " union select document_id, state from tracked_document where business_key = ?")) {
            statement.setString(1, document.documentId());
            statement.setString(2, document.businessKey().toString());
            Map<String, String> rows = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2));
                }
            }
            return rows;
        }
    }

    private Optional<TrackedDocument> findOne(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection()) {
            return findOne(connection, sql, parameter);
        } catch (SQLException e) {
            throw new TrackingException("Cannot read tracking store", e);
        }
    }

    private static Optional<TrackedDocument> findOne(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String documentId = row.getString("document_id");
                return Optional.of(new TrackedDocument(
                        documentId,
                        row.getString("correlation_id"),
                        row.getString("document_type"),
                        BusinessKey.parse(row.getString("business_key")),
                        DocumentState.valueOf(row.getString("state")),
                        row.getString("erp_order_number"),
                        row.getString("reason"),
                        row.getInt("attempts"),
                        row.getTimestamp("received_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant(),
                        history(connection, documentId)));
            }
        }
    }

    private static List<HistoryEntry> history(Connection connection, String documentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select state, detail, at from document_history where document_id = ? order by id")) {
            statement.setString(1, documentId);
            try (ResultSet rows = statement.executeQuery()) {
                List<HistoryEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new HistoryEntry(DocumentState.valueOf(rows.getString("state")),
                            rows.getString("detail"), rows.getTimestamp("at").toInstant()));
                }
                return entries;
            }
        }
    }

    /** The original admissions of the business keys among {@code documents} that are already known. */
    private static Map<String, Admission> knownKeys(Connection connection, List<NewDocument> documents)
            throws SQLException {
        Map<String, Admission> known = new HashMap<>();
        if (documents.isEmpty()) {
            return known;
        }
        String placeholders = String.join(", ", Collections.nCopies(documents.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "select business_key, document_id, correlation_id from tracked_document where business_key in ("
                        + placeholders + ")")) {
            for (int i = 0; i < documents.size(); i++) {
                statement.setString(i + 1, documents.get(i).businessKey().toString());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(1), new Admission(rows.getString(2), rows.getString(3), true));
                }
            }
        }
        return known;
    }

    private void insertAll(Connection connection, List<NewDocument> documents, String detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DOCUMENT);
                PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
            for (NewDocument document : documents) {
                setDocument(insert, document, DocumentState.RECEIVED, 0);
                insert.addBatch();
                history.setString(1, document.documentId());
                history.setString(2, DocumentState.RECEIVED.name());
                history.setString(3, clip(detail));
                history.setTimestamp(4, Timestamp.from(document.receivedAt()));
                history.setString(5, node);
                history.addBatch();
            }
            insert.executeBatch();
            history.executeBatch();
        }
    }

    private static void insertDocument(Connection connection, NewDocument document, DocumentState state, int attempts)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_DOCUMENT)) {
            setDocument(statement, document, state, attempts);
            statement.executeUpdate();
        }
    }

    private static void setDocument(PreparedStatement statement, NewDocument document, DocumentState state,
            int attempts) throws SQLException {
        BusinessKey key = document.businessKey();
        Timestamp received = Timestamp.from(document.receivedAt());
        statement.setString(1, document.documentId());
        statement.setString(2, document.correlationId());
        statement.setString(3, document.documentType());
        statement.setString(4, key.channel());
        statement.setString(5, key.partnerId());
        statement.setString(6, key.externalNumber());
        statement.setString(7, key.toString());
        statement.setString(8, state.name());
        statement.setInt(9, attempts);
        statement.setTimestamp(10, received);
        statement.setTimestamp(11, received);
        statement.setString(12, document.fingerprint());
    }

    /** Whether the document known under this one's business key said something else (unknown: no). */
    private static boolean otherContent(Connection connection, NewDocument document) throws SQLException {
        if (document.fingerprint() == null) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select content_fingerprint from tracked_document where business_key = ?")) {
            statement.setString(1, document.businessKey().toString());
            try (ResultSet row = statement.executeQuery()) {
                String known = row.next() ? row.getString(1) : null;
                return known != null && !known.equals(document.fingerprint());
            }
        }
    }

    private static int updateState(Connection connection, String documentId, DocumentState state, String erpOrderNumber,
            String reason, Integer attempts, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update tracked_document set state = ?, erp_order_number = coalesce(?, erp_order_number),
                    reason = ?, attempts = coalesce(?, attempts), updated_at = ?
                where document_id = ?""")) {
            statement.setString(1, state.name());
            statement.setString(2, erpOrderNumber);
            statement.setString(3, clip(reason));
            if (attempts == null) {
                statement.setNull(4, java.sql.Types.INTEGER);
            } else {
                statement.setInt(4, attempts);
            }
            statement.setTimestamp(5, Timestamp.from(at));
            statement.setString(6, documentId);
            return statement.executeUpdate();
        }
    }

    private void insertHistory(Connection connection, String documentId, DocumentState state, String detail,
            Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_HISTORY)) {
            statement.setString(1, documentId);
            statement.setString(2, state.name());
            statement.setString(3, clip(detail));
            statement.setTimestamp(4, Timestamp.from(at));
            statement.setString(5, node);
            statement.executeUpdate();
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /**
     * Unique or primary key violation: SQLState 23505 (H2 and PostgreSQL); a failed batch may carry
     * it on the exception chained to it.
     */
    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState())
                || e.getNextException() != null && "23505".equals(e.getNextException().getSQLState());
    }
}
