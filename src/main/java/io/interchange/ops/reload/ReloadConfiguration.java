package io.interchange.ops.reload;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.interchange.ops.audit.AuditLog;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production-safe reload of {@code interchange.routes.dir} and {@code interchange.mappings.dir} when
 * {@code interchange.reload.enabled} (Camel's own development reload, {@code camel.main.routesReloadEnabled},
 * stays off). Needs {@code OpsConfiguration} before it (audit log).
 */
public class ReloadConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadConfiguration.class);

    @PropertyInject(value = "interchange.reload.enabled", defaultValue = "true")
    private boolean enabled;
    @PropertyInject(value = "interchange.reload.poll-ms", defaultValue = "1000")
    private long pollMs;
    @PropertyInject("interchange.routes.dir")
    private String routesDir;
    @PropertyInject("interchange.node.id")
    private String nodeId;
    @PropertyInject("interchange.mappings.dir")
    private String mappingsDir;
    @PropertyInject(value = "camel.main.routesReloadEnabled", defaultValue = "false")
    private boolean camelReload;

    @Override
    public void configure(CamelContext context) throws Exception {
        boolean watching = enabled && !camelReload;
        if (camelReload) {
            LOG.warn("camel.main.routesReloadEnabled=true: Camel's development reload removes every route before "
                    + "loading a changed file; Interchange's validated reload is off");
        } else if (!enabled) {
            LOG.info("Route and mapping reload is off (interchange.reload.enabled=false)");
        }
        DataSource dataSource = context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
        AuditLog audit = context.getRegistry().lookupByNameAndType("auditLog", AuditLog.class);
        RouteReloader reloader = new RouteReloader(context, Path.of(routesDir), Path.of(mappingsDir),
                new ReloadLedger(dataSource, nodeId), pollMs, watching);
        context.getRegistry().bind("routeReloader", reloader);
        context.getRegistry().bind("reloadResource", new ReloadResource(reloader, audit));
        context.addService(reloader, true, true);
        context.getManagementStrategy().addEventNotifier(reloader.startListener());
        HealthCheckRegistry.get(context).register(new ReloadHealthCheck(reloader));
    }
}
