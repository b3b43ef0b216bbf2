package io.interchange.erp.sandbox;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The ERP sandbox as a process of its own, for a cluster of Interchange instances (bin/cluster,
 * docker/compose.yaml): the "ERP" must outlive any one instance. Reads the same keys as the
 * built-in sandbox (interchange.erp-sandbox.*, interchange.erp.username/password) from
 * application.properties, overridden by -D properties and environment variables.
 */
public final class StandaloneErpSandbox {

    private StandaloneErpSandbox() {
    }

    public static void main(String[] args) throws Exception {
        ErpSandbox sandbox;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PropertiesComponent properties = context.getPropertiesComponent();
            properties.setLocation("classpath:application.properties");
            String journal = properties.resolveProperty("interchange.erp-sandbox.journal").orElse("");
            sandbox = new ErpSandbox(
                    properties.resolveProperty("interchange.erp-sandbox.host").orElseThrow(),
                    Integer.parseInt(properties.resolveProperty("interchange.erp-sandbox.port").orElseThrow()),
                    properties.resolveProperty("interchange.erp.username").orElseThrow(),
                    properties.resolveProperty("interchange.erp.password").orElseThrow(),
                    new ItemCatalog(Arrays.stream(properties.resolveProperty("interchange.erp-sandbox.known-sku-prefixes")
                            .orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()),
                    journal.isBlank() ? null : Path.of(journal));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "erp-sandbox-stop"));
        sandbox.start();
        stopped.await();
    }
}
