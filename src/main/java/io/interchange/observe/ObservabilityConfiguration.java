package io.interchange.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * One Prometheus registry for Camel's own metrics and Interchange's business metrics, served at
 * {@code /observe/metrics}; with {@code interchange.metrics.node-tag} every series carries this instance's
 * {@code node} id.
 */
public class ObservabilityConfiguration implements CamelConfiguration {

    @PropertyInject("interchange.node.id")
    private String nodeId;
    @PropertyInject(value = "interchange.metrics.node-tag", defaultValue = "false")
    private boolean nodeTag;

    @Override
    public void configure(CamelContext context) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        if (nodeTag) {
            // which instance a series comes from, for exports where the scraper adds no instance label
            registry.config().commonTags("node", nodeId);
        }
        context.getRegistry().bind("documentMetrics", new DocumentMetrics(registry));
    }
}
