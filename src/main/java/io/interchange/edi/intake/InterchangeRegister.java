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

    public void register(String partnerId, String controlNumber, String fileName, String fileKey, int transactions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into edi_interchange (partner_id, control_number, file_name, file_key, transactions, received_at)
                        values (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, partnerId);
            insert.setString(2, controlNumber);
            insert.setString(3, fileName);
            insert.setString(4, fileKey);
            insert.setInt(5, transactions);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new TrackingException("Cannot register interchange " + controlNumber + " of " + partnerId, e);
            }
            // registered by an earlier pass over the same file
        }
    }
}
