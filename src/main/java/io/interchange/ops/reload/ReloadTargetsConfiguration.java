package io.interchange.ops.reload;

import io.interchange.mapping.JsltTemplates;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * What the one file watcher reloads and that more than one flow shares: the JSLT templates of the
 * Java mapping engines (webhooks, EDI intake, 855/ORDRSP). The other reload targets (partner
 * registry, webhook sources, canonical schemas) are bound by their flows.
 */
public class ReloadTargetsConfiguration implements CamelConfiguration {

    @BindToRegistry("jsltTemplates")
    public JsltTemplates jsltTemplates() {
        return new JsltTemplates();
    }
}
