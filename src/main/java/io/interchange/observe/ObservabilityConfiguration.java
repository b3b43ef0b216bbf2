package io.interchange.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * One Prometheus registry for Camel's own metrics and Interchange's business metrics, served at
 * {@code /observe/metrics}.
 */
public class ObservabilityConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        context.getRegistry().bind("documentMetrics", new DocumentMetrics(registry));
    }
}
