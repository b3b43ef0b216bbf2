package io.interchange.edi.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.interchange.tracking.TrackingException;

/**
 * Interchange control numbers each partner has sent ({@code edi_interchange}). An interchange is
 * registered only once its file is fully handled and its acknowledgements are out, so a file left
 * for a later poll (database down, still being written) is not mistaken for a duplicate when it
 * is read again. A stop between registering and moving the file (a crash, a killed cluster
 * instance) leaves the file in {@code inbound/}: it comes back with the same key (name, size,
 * modification time) as its registration, and is recognised as read again, not as the partner's
 * duplicate ({@link Receipt#isFile}).
 */
public class InterchangeRegister {

    private final DataSource dataSource;

    public InterchangeRegister(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where an interchange was first received: its file's name and key ({@code name|size|modified}). */
    public record Receipt(String fileName, String fileKey) {

        /** Whether {@code fileKey} is the very file this receipt came from (not a new upload of the same name). */
        public boolean isFile(String otherKey) {
            return fileKey != null && fileKey.equals(otherKey);
        }
    }

    /** The first receipt of this interchange, if it was received before. */
    public Optional<Receipt> firstReceipt(String partnerId, String controlNumber) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select file_name, file_key from edi_interchange where partner_id = ? and control_number = ?")) {
            select.setString(1, partnerId);
            select.setString(2, controlNumber);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return Optional.of(new Receipt(row.getString(1), row.getString(2)));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot read received interchanges of " + partnerId, e);
        }
    }

    /**
     * Registers an interchange as received, on the transaction that also spends the control numbers
     * of its acknowledgements ({@link ControlNumberSequence#inTransaction}): an interchange is
     * registered exactly when its acknowledgements are out. One registered before (an earlier pass
     * over the same file) stays as it was.
     */
    public void register(Connection connection, String partnerId, String controlNumber, String fileName, String fileKey,
            int transactions) {
        // insert-if-absent in one statement: a failed insert would abort the caller's transaction on PostgreSQL
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into edi_interchange (partner_id, control_number, file_name, file_key, transactions, received_at)
                select ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from edi_interchange where partner_id = ? and control_number = ?)""")) {
            insert.setString(1, partnerId);
            insert.setString(2, controlNumber);
            insert.setString(3, fileName);
            insert.setString(4, fileKey);
            insert.setInt(5, transactions);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setString(7, partnerId);
            insert.setString(8, controlNumber);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TrackingException("Cannot register interchange " + controlNumber + " of " + partnerId, e);
        }
    }
}
