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
 * Every method is its own short transaction except {@link #admitAll}, which keeps a batch's insert open
 * while its documents are put on the bus; a single admission ({@link #known}, the send, {@link #record})
 * holds no connection across the send.
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
    /** Small writes committed together with other callers' ({@link GroupCommit}). */
    private final GroupCommit group;
    private final DocumentTimeline timeline;
    private final String node;

    /** @param node this instance's id ({@code interchange.node.id}), written with every state change it records */
    public DocumentTracker(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.group = GroupCommit.of(dataSource);
        this.timeline = new DocumentTimeline(dataSource, node);
        this.node = node;
    }

    /**
     * Admits one document: {@link #known}, then {@code enqueue} (the persistent send to the bus) for a
     * new business key, then {@link #record}; for callers that send in Java (a file intake's batch
     * falls back to it). If the send fails, nothing is recorded and the caller can try again.
     */
    public Admission admit(NewDocument document, String detail, Runnable enqueue) {
        Optional<Admission> known = known(document);
        if (known.isPresent()) {
            return known.get();
        }
        enqueue.run();
        return record(document, detail);
    }

    /**
     * The first look of an admission, before the send: the original admission if the business key is
     * already taken (a retry, or a conflict when the content differs), else empty and the document
     * goes on the bus. Nothing is held: a concurrent admission of the same key is settled by
     * {@link #record}.
     */
    public Optional<Admission> known(NewDocument document) {
        try (Connection connection = dataSource.getConnection()) {
            return original(connection, document);
        } catch (SQLException e) {
            throw new TrackingException("Cannot admit " + document.businessKey(), e);
        }
    }

    /**
     * The second half of an admission, once the document is durable on the bus: its row and history
     * in one short transaction. No connection is held across the broker's round trip.
     *
     * <p>Send first, record second, answer last: once the caller answers, the document is durable on
     * the bus and in this store. A crash between the send and the record leaves a copy on the bus
     * without its row and the sender without an answer; {@link #submitted} recognises that copy when
     * it is consumed ({@link BusCopy#UNTRACKED} or {@link BusCopy#SUPERSEDED}), so no recovery step
     * is needed at start-up. (Recording first would leave a row the bus may never have got, which
     * only a stored copy of the body could repair.) Two outcomes of the race with others:
     * <ul>
     * <li>the consumer took the copy first and tracked it from the bus: the row is this document's,
     *     it only lacks the content fingerprint, added here; the admission stands;</li>
     * <li>a concurrent admission of the same key recorded first: the answer is the original's, as
     *     from {@link #known}; this document's copy is {@link BusCopy#SUPERSEDED} when consumed.</li>
     * </ul>
     */
    public Admission record(NewDocument document, String detail) {
        try {
            group.run(connection -> {
                insertDocument(connection, document, DocumentState.RECEIVED, 0);
                insertHistory(connection, document.documentId(), DocumentState.RECEIVED, detail, document.receivedAt());
                return null;
            });
            return new Admission(document.documentId(), document.correlationId(), false);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw new TrackingException("Cannot admit " + document.businessKey(), e);
            }
        }
        // its business key or its document id is taken: a duplicate, a conflict, or its own copy tracked from the bus
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Admission original = original(connection, document)
                    .orElseThrow(() -> new IllegalStateException("Duplicate without original: " + document.businessKey()));
            if (!original.documentId().equals(document.documentId())) {
                return original;
            }
            addFingerprint(connection, document);
            connection.commit();
            return new Admission(document.documentId(), document.correlationId(), false);
        } catch (SQLException e) {
            throw new TrackingException("Cannot admit " + document.businessKey(), e);
        }
    }

    /** The admission holding the document's business key, if any: a duplicate, or a conflict when its content differs. */
    private static Optional<Admission> original(Connection connection, NewDocument document) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select document_id, correlation_id, content_fingerprint from tracked_document where business_key = ?")) {
            statement.setString(1, document.businessKey().toString());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String known = row.getString(3);
                boolean otherContent = document.fingerprint() != null && known != null && !known.equals(document.fingerprint());
                return Optional.of(new Admission(row.getString(1), row.getString(2), true, otherContent));
            }
        }
    }

    /** A row the consumer tracked from the bus before its admission recorded it gets the admission's fingerprint. */
    private static void addFingerprint(Connection connection, NewDocument document) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update tracked_document set content_fingerprint = ? where document_id = ? and content_fingerprint is null")) {
            statement.setString(1, document.fingerprint());
            statement.setString(2, document.documentId());
            statement.executeUpdate();
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
     * taken off the bus is judged first ({@link BusCopy}). The admission sends a document before it
     * records its row, so the consumer may get here first: if the admission is inserting, the insert
     * here waits on the primary key until it commits and the second look finds the row; if it has not
     * begun, the copy is tracked from here (received and submitted) and the admission then finds its
     * row ({@link #record}). A copy whose row never committed (a crash between the send and the
     * record) is tracked from here as well, unless its business key belongs to another document
     * meanwhile; a copy of a settled document, or a superseded one, is recorded on the timeline of
     * the document that holds its key and goes no further.
     */
    public BusCopy submitted(NewDocument document, int attempt) {
        Instant now = Instant.now();
        String detail = "attempt " + attempt;
        try {
            for (int look = 1; ; look++) {
                // one statement, one snapshot: read apart, the admission could commit in between and
                // the copy would find its own row as the owner of its key
                Map<String, String> rows;
                try (Connection connection = dataSource.getConnection()) {
                    rows = rowsOf(connection, document);
                }
                Optional<DocumentState> own = Optional.ofNullable(rows.remove(document.documentId())).map(DocumentState::valueOf);
                String owner = rows.isEmpty() ? null : rows.keySet().iterator().next();
                BusCopy copy = BusCopy.of(own.orElse(null), owner);
                // the state and its history entries commit together: a reader never sees one without the other
                switch (copy) {
                    case TRACKED -> group.run(connection -> {
                        updateState(connection, document.documentId(), DocumentState.SUBMITTED, null, null, attempt, now);
                        insertHistory(connection, document.documentId(), DocumentState.SUBMITTED, detail, now);
                        return null;
                    });
                    case UNTRACKED -> {
                        try {
                            group.run(connection -> {
                                insertDocument(connection, document, DocumentState.SUBMITTED, attempt);
                                // received first: its history reads the same whichever of the two recorded the row
                                insertHistory(connection, document.documentId(), DocumentState.RECEIVED,
                                        "tracked from the bus (its admission did not commit before it was consumed)",
                                        document.receivedAt());
                                insertHistory(connection, document.documentId(), DocumentState.SUBMITTED, detail, now);
                                return null;
                            });
                        } catch (SQLException e) {
                            if (!isUniqueViolation(e) || look > 1) {
                                throw e;
                            }
                            continue; // a pending admission committed meanwhile (or a retry took the key): look again
                        }
                    }
                    case SETTLED -> timeline.record(document.documentId(), "redelivered", "settled",
                            "a copy came off the bus again (attempt " + attempt + ") after the ERP's final answer ("
                                    + own.get().apiName() + "); acknowledged without an ERP call", now);
                    case SUPERSEDED -> timeline.record(owner, "superseded-copy", "settled", "document "
                            + document.documentId() + " with the same business key was on the bus without its"
                            + " tracking row (an admission cut off before its commit, then retried as this"
                            + " document); acknowledged without an ERP call", now);
                }
                return copy;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot record attempt for " + document.documentId(), e);
        }
    }

    /** Records an attempt that failed and will be retried; the state stays SUBMITTED. */
    public void attemptFailed(String documentId, String detail) {
        Instant now = Instant.now();
        try {
            group.run(connection -> {
                insertHistory(connection, documentId, DocumentState.SUBMITTED, detail, now);
                return null;
            });
        } catch (SQLException e) {
            throw new TrackingException("Cannot record failed attempt for " + documentId, e);
        }
    }

    /** Moves the document to a final or dead-lettered state. */
    public void settle(String documentId, DocumentState state, String erpOrderNumber, String reason) {
        Instant now = Instant.now();
        try {
            // one transaction: a reader that sees the new state sees its history entry too
            group.run(connection -> {
                updateState(connection, documentId, state, erpOrderNumber, reason, null, now);
                insertHistory(connection, documentId, state, erpOrderNumber != null ? "ERP order " + erpOrderNumber : reason, now);
                return null;
            });
        } catch (SQLException e) {
            throw new TrackingException("Cannot record " + state + " for " + documentId, e);
        }
    }

    /** Whether the document holds the ERP's final answer (accepted or rejected); one read by primary key. */
    public boolean isSettled(String documentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select state from tracked_document where document_id = ?")) {
            query.setString(1, documentId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && DocumentState.valueOf(rows.getString(1)).isFinal();
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the state of " + documentId, e);
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
