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
 * is read again. The one window left, a stop between registering and moving the file, makes the
 * file come back as a duplicate: reported, never processed twice.
 */
public class InterchangeRegister {

    private final DataSource dataSource;

    public InterchangeRegister(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The file that first brought this interchange, if it was received before. */
    public Optional<String> duplicateOf(String partnerId, String controlNumber) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select file_name, file_key from edi_interchange where partner_id = ? and control_number = ?")) {
            select.setString(1, partnerId);
            select.setString(2, controlNumber);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return Optional.of(row.getString(1));
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
