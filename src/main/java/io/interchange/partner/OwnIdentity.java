package io.interchange.partner;

/**
 * Interchange's own EDI identity: what partners put in ISA07/08 and GS03, or UNB S003, and what
 * our acknowledgements and responses carry as the sender.
 */
public record OwnIdentity(String x12Qualifier, String x12Id, String x12GroupId, String edifactId, String edifactQualifier) {
}
