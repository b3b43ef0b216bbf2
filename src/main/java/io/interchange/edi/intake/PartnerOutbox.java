package io.interchange.edi.intake;

import java.nio.charset.StandardCharsets;

import io.interchange.partner.Partner;
import io.interchange.partner.PartnerEndpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Writes files to a partner's folders over SFTP: acknowledgements and responses to
 * {@code outbound/} (under a temporary name first, so the partner never picks up half a file),
 * reason files to the error folder.
 */
public class PartnerOutbox {

    private final ProducerTemplate producer;
    private final PartnerEndpoints endpoints;

    public PartnerOutbox(ProducerTemplate producer, PartnerEndpoints endpoints) {
        this.producer = producer;
        this.endpoints = endpoints;
    }

    public void deliver(Partner partner, OutboundDocument document) {
        producer.sendBodyAndHeader(endpoints.outbound(partner), document.content(), Exchange.FILE_NAME, document.fileName());
    }

    public void reason(Partner partner, String fileName, String text) {
        producer.sendBodyAndHeader(endpoints.error(partner), text.getBytes(StandardCharsets.UTF_8), Exchange.FILE_NAME, fileName);
    }
}
