package io.interchange.ops.reload;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.interchange.ops.audit.AuditLog;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production-safe reload of {@code interchange.routes.dir} and {@code interchange.mappings.dir} when
 * {@code interchange.reload.enabled} (Camel's own development reload, {@code camel.main.routesReloadEnabled},
 * stays off): the reloader, its admin resource ({@code routes/ops/admin-reload.camel.yaml}) and its health.
 */
public class ReloadConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadConfiguration.class);

    @BindToRegistry("routeReloader")
    public RouteReloader routeReloader(CamelContext context, DataSource dataSource,
            @PropertyInject(value = "interchange.reload.enabled", defaultValue = "true") boolean enabled,
            @PropertyInject(value = "interchange.reload.poll-ms", defaultValue = "1000") long pollMs,
            @PropertyInject("interchange.routes.dir") String routesDir,
            @PropertyInject("interchange.mappings.dir") String mappingsDir,
            @PropertyInject(value = "camel.main.routesReloadEnabled", defaultValue = "false") boolean camelReload)
            throws Exception {
        boolean watching = enabled && !camelReload;
        if (camelReload) {
            LOG.warn("camel.main.routesReloadEnabled=true: Camel's development reload removes every route before "
                    + "loading a changed file; Interchange's validated reload is off");
        } else if (!enabled) {
            LOG.info("Route and mapping reload is off (interchange.reload.enabled=false)");
        }
        RouteReloader reloader = new RouteReloader(context, Path.of(routesDir), Path.of(mappingsDir),
                new ReloadLedger(dataSource, ReloadLedger.thisInstance(context.getName())), pollMs, watching);
        context.addService(reloader, true, true);
        context.getManagementStrategy().addEventNotifier(reloader.startListener());
        return reloader;
    }

    @BindToRegistry("reloadResource")
    public ReloadResource reloadResource(RouteReloader reloader, AuditLog audit) {
        return new ReloadResource(reloader, audit);
    }

    @Override
    public void configure(CamelContext context) {
        HealthCheckRegistry.get(context).register(new ReloadHealthCheck(context.getRegistry().findSingleByType(RouteReloader.class)));
    }
}
