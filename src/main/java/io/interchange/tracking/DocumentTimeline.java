package io.interchange.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.interchange.model.DocumentState;

/**
 * Every hop of a document with its time and outcome, durable in the tracking database. State changes
 * are already in {@code document_history} (written by {@link DocumentTracker}); the other hops (event
 * published, acknowledgement sent, file received, ...) are recorded here in {@code document_event}.
 * Reading merges both, oldest first. Any channel records its own hops with {@link #record}.
 */
public class DocumentTimeline {

    private static final Pattern FAILED_ATTEMPT = Pattern.compile("attempt \\d+ failed.*", Pattern.DOTALL);
    private static final int MAX_TEXT = 4000;
    private static final int MAX_DOCUMENTS = 100;

    private final DataSource dataSource;
    private final String node;

    /** @param node this instance's id ({@code interchange.node.id}), written with every hop it records */
    public DocumentTimeline(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    public String node() {
        return node;
    }

    /** Records a hop that happened now. */
    public void record(String documentId, String step, String outcome, String detail) {
        record(documentId, step, outcome, detail, Instant.now());
    }

    /** Committed with whatever else waits to be written ({@link GroupCommit}); returns once it is. */
    public void record(String documentId, String step, String outcome, String detail, Instant at) {
        try {
            GroupCommit.of(dataSource).run(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into document_event (document_id, step, outcome, detail, at, node_id) values (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, documentId);
                    insert.setString(2, step);
                    insert.setString(3, outcome);
                    insert.setString(4, clip(detail));
                    insert.setTimestamp(5, Timestamp.from(at));
                    insert.setString(6, node);
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("Cannot record " + step + " of " + documentId, e);
        }
    }

    /**
     * Adds hops that happened now within the caller's transaction, so they commit (or not) with
     * what they describe, e.g. a file's batch of EDI transactions.
     */
    public void recordAll(Connection connection, List<NewHop> hops) throws SQLException {
        if (hops.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into document_event (document_id, step, outcome, detail, at, node_id) values (?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (NewHop hop : hops) {
                insert.setString(1, hop.documentId());
                insert.setString(2, hop.step());
                insert.setString(3, hop.outcome());
                insert.setString(4, clip(hop.detail()));
                insert.setTimestamp(5, now);
                insert.setString(6, node);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The document's hops, oldest first; empty for an unknown document. */
    public List<TimelineEntry> of(String documentId) {
        List<Hop> hops = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, state, detail, at, node_id from document_history where document_id = ? order by id")) {
                query.setString(1, documentId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        hops.add(new Hop(0, rows.getLong("id"), fromHistory(DocumentState.valueOf(rows.getString("state")),
                                rows.getString("detail"), rows.getTimestamp("at").toInstant(), rows.getString("node_id"))));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, step, outcome, detail, at, node_id from document_event where document_id = ? order by id")) {
                query.setString(1, documentId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        hops.add(new Hop(1, rows.getLong("id"), new TimelineEntry(rows.getTimestamp("at").toInstant(),
                                rows.getString("step"), rows.getString("outcome"), rows.getString("detail"),
                                rows.getString("node_id"))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read the timeline of " + documentId, e);
        }
        return hops.stream()
                .sorted(Comparator.comparing((Hop hop) -> hop.entry().at()).thenComparingInt(Hop::source)
                        .thenComparingLong(Hop::id))
                .map(Hop::entry)
                .toList();
    }

    /** Documents that share a correlation id, oldest first (at most 100). */
    public List<String> byCorrelationId(String correlationId) {
        return documentIds("select document_id from tracked_document where correlation_id = ? order by received_at",
                correlationId);
    }

    /** Documents with this partner and external number, on any channel (at most 100). */
    public List<String> byPartnerAndNumber(String partnerId, String externalNumber) {
        return documentIds("select document_id from tracked_document where partner_id = ? and external_number = ?"
                + " order by received_at", partnerId, externalNumber);
    }

    /** When each document's first delivery attempt failed, for those that had a failed attempt. */
    public Map<String, Instant> firstFailures(Collection<String> documentIds) {
        Map<String, Instant> first = new HashMap<>();
        if (documentIds.isEmpty()) {
            return first;
        }
        String marks = String.join(",", documentIds.stream().map(id -> "?").toList());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select document_id, min(at) as first_at"
                        + " from document_history where state = 'SUBMITTED' and detail like 'attempt % failed%'"
                        + " and document_id in (" + marks + ") group by document_id")) {
            int i = 1;
            for (String id : documentIds) {
                query.setString(i++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    first.put(rows.getString("document_id"), rows.getTimestamp("first_at").toInstant());
                }
            }
            return first;
        } catch (SQLException e) {
            throw new TrackingException("Cannot read first failures", e);
        }
    }

    private List<String> documentIds(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setMaxRows(MAX_DOCUMENTS);
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new TrackingException("Cannot look documents up", e);
        }
    }

    /** A state change of document_history as a hop; replays and discards are recorded as state rows too. */
    private static TimelineEntry fromHistory(DocumentState state, String detail, Instant at, String node) {
        String text = detail == null ? "" : detail;
        return switch (state) {
            case RECEIVED -> new TimelineEntry(at, text.startsWith("replayed") ? "replayed" : "received", "ok", detail, node);
            case SUBMITTED -> new TimelineEntry(at, "erp-attempt",
                    FAILED_ATTEMPT.matcher(text).matches() ? "failed" : "started", detail, node);
            case ACCEPTED -> new TimelineEntry(at, "accepted", "ok", detail, node);
            case REJECTED -> new TimelineEntry(at, "rejected", "rejected", detail, node);
            case DEAD_LETTERED -> new TimelineEntry(at, text.startsWith("discarded") ? "discarded" : "dead-lettered",
                    "failed", detail, node);
        };
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= MAX_TEXT ? detail : detail.substring(0, MAX_TEXT);
    }

    /** A hop to record: which document, what step, how it ended, and the detail ops see. */
    public record NewHop(String documentId, String step, String outcome, String detail) {
    }

    private record Hop(int source, long id, TimelineEntry entry) {
    }
}
