package io.interchange.console;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import io.interchange.ops.admin.AdminLogin;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The operations console (docs/operations.md, "Operations console"): Interchange's pages at
 * {@code interchange.console.path} on the admin API, the two admin endpoints only they need
 * ({@code routes/ops/admin-console.camel.yaml}), and Hawtio at {@code /hawtio/} behind the admin users.
 * Beans that need the admin login are lazy: {@code OpsConfiguration} binds it while configuring.
 */
public final class ConsoleConfiguration implements CamelConfiguration {

    @BindToRegistry("activityResource")
    public ActivityResource activityResource(DataSource dataSource) {
        return new ActivityResource(new ActivityCounts(dataSource), Clock.systemUTC());
    }

    @BindToRegistry("consoleSession")
    public ConsoleSession consoleSession(@PropertyInject("interchange.hawtio.enabled") boolean hawtioEnabled,
            @PropertyInject("interchange.console.broker-console-url") String brokerConsoleUrl) {
        return new ConsoleSession(hawtioEnabled ? HawtioServer.CONTEXT_PATH + "/" : "", brokerConsoleUrl);
    }

    @BindToRegistry("consolePages")
    public ConsolePages consolePages(@PropertyInject("interchange.console.path") String path) {
        return new ConsolePages(path);
    }

    @BindToRegistry(value = "hawtioDoor", lazy = true)
    public HawtioDoor hawtioDoor(AdminLogin login, @PropertyInject("interchange.admin.realm") String realm,
            @PropertyInject("interchange.jolokia.path") String jolokiaPath) {
        return new HawtioDoor(login, realm, jolokiaPath);
    }

    @BindToRegistry("hawtioServer")
    public HawtioServer hawtioServer(@PropertyInject("interchange.data.dir") String dataDir) {
        return new HawtioServer(Path.of(dataDir, "hawtio"));
    }

    @Override
    public void configure(CamelContext context) {
        boolean hawtio = Boolean.parseBoolean(property(context, "interchange.hawtio.enabled"))
                && Boolean.parseBoolean(property(context, "interchange.jolokia.enabled"));
        var registry = context.getRegistry();
        context.getManagementStrategy().addEventNotifier(new ConsoleStartup(context,
                Integer.parseInt(property(context, "interchange.http.port")),
                registry.lookupByNameAndType("consolePages", ConsolePages.class),
                hawtio ? registry.lookupByNameAndType("hawtioDoor", HawtioDoor.class) : null,
                hawtio ? registry.lookupByNameAndType("hawtioServer", HawtioServer.class) : null));
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("");
    }
}
