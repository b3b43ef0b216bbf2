package io.interchange.edi;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to wrap one outbound transaction in a complete interchange. Control numbers
 * come from the caller (a database sequence elsewhere); build with {@link #x12()} or
 * {@link #edifact()}, which fill in the usual defaults.
 *
 * @param version X12 GS08 (e.g. {@code 004010}); EDIFACT UNH S009 0052:0054:0051 (e.g. {@code D:96A:UN})
 * @param interchangeVersion X12 ISA12 (e.g. {@code 00401}); EDIFACT syntax version (UNB S001/0002)
 * @param syntaxIdentifier EDIFACT UNB S001/0001 (e.g. {@code UNOC}); unused for X12
 * @param functionalId X12 GS01 (e.g. {@code PR} for an 855); EDIFACT UNG 0038 when {@code useGroup}
 * @param useGroup EDIFACT only: wrap the message in UNG/UNE (X12 always has GS/GE)
 */
public record OutboundEnvelope(EdiStandard standard, String senderQualifier, String senderId,
        String receiverQualifier, String receiverId, String interchangeControlNumber, String groupControlNumber,
        String transactionControlNumber, String functionalId, String applicationSender, String applicationReceiver,
        String version, String interchangeVersion, String syntaxIdentifier, String implementationReference,
        boolean test, boolean useGroup, LocalDateTime timestamp, Delimiters delimiters) {

    private static final Map<String, String> X12_FUNCTIONAL_IDS = Map.of(
            "850", "PO", "855", "PR", "856", "SH", "810", "IN", "997", "FA", "999", "FA", "846", "IB", "860", "PC");

    public OutboundEnvelope {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(receiverId, "receiverId");
        Objects.requireNonNull(interchangeControlNumber, "interchangeControlNumber");
        Objects.requireNonNull(transactionControlNumber, "transactionControlNumber");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(delimiters, "delimiters");
    }

    public static Builder x12() {
        return new Builder(EdiStandard.X12);
    }

    public static Builder edifact() {
        return new Builder(EdiStandard.EDIFACT);
    }

    /** The X12 functional id (GS01) usually paired with a transaction set, e.g. PR for 855. */
    static String functionalIdFor(String setId) {
        return X12_FUNCTIONAL_IDS.getOrDefault(setId, "");
    }

    /** Fluent construction with defaults: X12 ISA12 from GS08, EDIFACT UNOC syntax 3, now, standard delimiters. */
    public static final class Builder {
        private final EdiStandard standard;
        private String senderQualifier = "";
        private String senderId;
        private String receiverQualifier = "";
        private String receiverId;
        private String interchangeControlNumber;
        private String groupControlNumber;
        private String transactionControlNumber;
        private String functionalId;
        private String applicationSender;
        private String applicationReceiver;
        private String version;
        private String interchangeVersion;
        private String syntaxIdentifier = "UNOC";
        private String implementationReference;
        private boolean test;
        private boolean useGroup;
        private LocalDateTime timestamp;
        private Delimiters delimiters;

        private Builder(EdiStandard standard) {
            this.standard = standard;
        }

        public Builder sender(String qualifier, String id) {
            this.senderQualifier = qualifier;
            this.senderId = id;
            return this;
        }

        public Builder receiver(String qualifier, String id) {
            this.receiverQualifier = qualifier;
            this.receiverId = id;
            return this;
        }

        public Builder controlNumbers(long interchange, long group, long transaction) {
            this.interchangeControlNumber = Long.toString(interchange);
            this.groupControlNumber = Long.toString(group);
            this.transactionControlNumber = Long.toString(transaction);
            return this;
        }

        public Builder controlNumbers(String interchange, String group, String transaction) {
            this.interchangeControlNumber = interchange;
            this.groupControlNumber = group;
            this.transactionControlNumber = transaction;
            return this;
        }

        public Builder functionalId(String functionalId) {
            this.functionalId = functionalId;
            return this;
        }

        public Builder applicationIds(String sender, String receiver) {
            this.applicationSender = sender;
            this.applicationReceiver = receiver;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder interchangeVersion(String interchangeVersion) {
            this.interchangeVersion = interchangeVersion;
            return this;
        }

        public Builder syntaxIdentifier(String syntaxIdentifier) {
            this.syntaxIdentifier = syntaxIdentifier;
            return this;
        }

        public Builder implementationReference(String implementationReference) {
            this.implementationReference = implementationReference;
            return this;
        }

        public Builder test(boolean test) {
            this.test = test;
            return this;
        }

        public Builder useGroup(boolean useGroup) {
            this.useGroup = useGroup;
            return this;
        }

        public Builder timestamp(LocalDateTime timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder delimiters(Delimiters delimiters) {
            this.delimiters = delimiters;
            return this;
        }

        public OutboundEnvelope build() {
            String isaVersion = interchangeVersion;
            if (isaVersion == null) {
                isaVersion = standard == EdiStandard.X12 && version != null && version.length() >= 5
                        ? version.substring(0, 5) : "3";
            }
            return new OutboundEnvelope(standard, senderQualifier, senderId, receiverQualifier, receiverId,
                    interchangeControlNumber, groupControlNumber == null ? interchangeControlNumber : groupControlNumber,
                    transactionControlNumber, functionalId, applicationSender == null ? senderId : applicationSender,
                    applicationReceiver == null ? receiverId : applicationReceiver, version, isaVersion,
                    syntaxIdentifier, implementationReference, test, useGroup,
                    timestamp == null ? LocalDateTime.now() : timestamp,
                    delimiters == null ? Delimiters.defaults(standard) : delimiters);
        }
    }
}
