package io.interchange.partner;

import io.interchange.edi.ValidationPolicy;
import java.time.Duration;
import java.util.List;

/**
 * One trading partner as the registry ({@code mappings/partners.yaml}) describes it.
 *
 * @param id           our name for the partner: the SFTP account, the route ids and the business keys use it
 * @param standard     {@code X12} or {@code EDIFACT}
 * @param version      X12 004010/005010 (GS08), EDIFACT D96A (UNH S009)
 * @param x12          the partner's ISA06/07 qualifier and id and GS02; null for EDIFACT partners
 * @param edifact      the partner's UNB S002 id and qualifier; null for X12 partners
 * @param mappings     JSLT files relative to the mappings directory
 * @param maxFileBytes largest file the intake takes from this partner
 * @param validation   {@code lenient} (default): segments and codes outside the schema are reported
 *                     in an accepting acknowledgement; {@code strict}: they reject the transaction
 * @param acknowledgementDue how long after we send an 855/ORDRSP the partner's 997/999/CONTRL is
 *                     overdue; null: the default ({@code interchange.edi.acknowledgement.due})
 */
public record Partner(
        String id,
        String name,
        Standard standard,
        String version,
        X12Ids x12,
        EdifactIds edifact,
        Transport transport,
        Mappings mappings,
        AckPolicy acknowledgements,
        long maxFileBytes,
        ValidationPolicy validation,
        Duration acknowledgementDue) {

    public enum Standard { X12, EDIFACT }

    /** ISA qualifier + id (ISA05/06 inbound, ISA07/08 outbound) and the GS application id. */
    public record X12Ids(String qualifier, String id, String groupId) {
    }

    /** UNB S002/S003 identification and code qualifier. */
    public record EdifactIds(String id, String qualifier) {
    }

    /** Inbound order mapping (EDI tree -> canonical order) and outbound response mapping (canonical -> EDI tree). */
    public record Mappings(String order, String orderResponse) {
    }

    /**
     * What the partner gets back.
     *
     * @param type                   997, 999 or CONTRL
     * @param rejectWholeInterchange a failing transaction rejects every transaction of its interchange
     * @param duplicate              an interchange control number seen before: {@code TA1} (X12 TA1 / EDIFACT
     *                               CONTRL rejecting the interchange) or {@code LOG} (log line and metric only)
     * @param fallbackDelimiters     the delimiters acknowledgements are written with when the partner's own
     *                               cannot be reused by the writer, X12 element, component, repetition and
     *                               segment ({@code *>^~}), EDIFACT element, component, release and segment
     *                               ({@code +:?'}); {@code null}: the standard's defaults
     */
    public record AckPolicy(String type, boolean rejectWholeInterchange, DuplicatePolicy duplicate,
            String fallbackDelimiters) {
    }

    public enum DuplicatePolicy { TA1, LOG }

    /**
     * Where the partner's files are. {@code DROPBOX}: an account on the embedded SFTP server
     * (password hash and/or authorized public keys); the folders are fixed. {@code REMOTE}: the
     * partner's (or the company's) SFTP server, polled with the given credentials and folders.
     */
    public record Transport(
            Kind kind,
            String passwordHash,
            List<String> authorizedKeys,
            String host,
            int port,
            String username,
            String passwordProperty,
            String privateKeyFile,
            String knownHostsFile,
            String inbound,
            String outbound,
            String archive,
            String error) {

        public enum Kind { DROPBOX, REMOTE }
    }

    /**
     * The ISA qualifier:id or UNB id:qualifier the partner sends as, e.g. {@code ZZ:ACMEPARTNER};
     * an EDIFACT id without a qualifier is the id alone ({@link #senderKey(String, String, boolean)}).
     */
    public String senderKey() {
        return standard == Standard.X12 ? senderKey(x12.qualifier(), x12.id(), true)
                : senderKey(edifact.qualifier(), edifact.id(), false);
    }

    /** The sender key of an inbound envelope, in the same form as {@link #senderKey()}. */
    public static String senderKey(String qualifier, String id, boolean x12) {
        if (x12) {
            return qualifier + ":" + id;
        }
        return qualifier == null || qualifier.isEmpty() ? id : id + ":" + qualifier;
    }
}
