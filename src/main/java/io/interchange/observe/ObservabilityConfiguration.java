package io.interchange.observe;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * One Prometheus registry for Camel's own metrics and Interchange's business metrics, served at
 * {@code /observe/metrics}. Camel's metrics ({@code camel.metrics.enabled=true} in
 * application.properties) bind that registry as {@code metricsRegistry} before the configurations are
 * read; every {@code MeterRegistry} parameter of a configuration method gets it.
 */
public class ObservabilityConfiguration implements CamelConfiguration {

    @BindToRegistry("documentMetrics")
    public DocumentMetrics documentMetrics(MeterRegistry meters) {
        return new DocumentMetrics(meters);
    }
}
