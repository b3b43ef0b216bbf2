package io.interchange.ops.jmx;

import javax.sql.DataSource;

import io.interchange.ops.admin.AdminLogin;
import io.interchange.ops.audit.AuditLog;
import io.interchange.ops.breaker.ErpBackoff;
import io.interchange.ops.dlq.DeadLetterBrowser;
import io.interchange.ops.dlq.DeadLetterDiscard;
import io.interchange.ops.dlq.DeadLetterQueues;
import io.interchange.ops.dlq.DeadLetterReplay;
import io.interchange.ops.dlq.QueueDepth;
import io.interchange.ops.intake.IntakeChannels;
import io.interchange.ops.intake.IntakeCounters;
import io.interchange.ops.reload.RouteReloader;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The JMX console: Interchange's MBeans on the platform MBean server (always) and Jolokia for Hawtio at {@code interchange.jolokia.path}
 * unless {@code interchange.jolokia.enabled=false}, for admin users (remote JMX:
 * {@link RemoteJmxConfiguration}). Needs
 * {@code OpsConfiguration} and {@code ReloadConfiguration} before it.
 */
public class JmxConfiguration implements CamelConfiguration {

    @PropertyInject(value = "interchange.jolokia.enabled", defaultValue = "true")
    private boolean jolokiaEnabled;
    @PropertyInject(value = "interchange.jolokia.path", defaultValue = "/observe/jolokia")
    private String jolokiaPath;
    @PropertyInject("interchange.http.port")
    private int httpPort;
    @PropertyInject(value = "interchange.admin.realm", defaultValue = "interchange-admin")
    private String realm;
    @PropertyInject("interchange.queue.orders")
    private String ordersQueue;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        AuditLog audit = registry.lookupByNameAndType("auditLog", AuditLog.class);
        QueueDepth depth = registry.lookupByNameAndType("queueDepth", QueueDepth.class);
        DeadLetterBrowser browser = registry.lookupByNameAndType("deadLetterBrowser", DeadLetterBrowser.class);
        DeadLetterReplay replay = registry.lookupByNameAndType("deadLetterReplay", DeadLetterReplay.class);
        DeadLetterDiscard discard = registry.lookupByNameAndType("deadLetterDiscard", DeadLetterDiscard.class);

        InterchangeMBeans mbeans = new InterchangeMBeans();
        for (String queue : registry.lookupByNameAndType("deadLetterQueues", DeadLetterQueues.class).names()) {
            mbeans.add("type=DeadLetterQueue,name=" + queue,
                    new DeadLetterQueueControl(queue, browser, replay, discard, depth), DeadLetterQueueMBean.class);
        }
        mbeans.add("type=ErpBreaker", new ErpBreakerControl(registry.lookupByNameAndType("erpBackoff", ErpBackoff.class),
                depth, ordersQueue), ErpBreakerMBean.class);
        mbeans.add("type=Intakes", new IntakesControl(registry.lookupByNameAndType("intakeChannels", IntakeChannels.class),
                new IntakeCounters(registry.lookupByNameAndType("dataSource", DataSource.class))), IntakesMBean.class);
        mbeans.add("type=RouteReload", new RouteReloadControl(
                registry.lookupByNameAndType("routeReloader", RouteReloader.class), audit), RouteReloadMBean.class);
        context.addService(mbeans, true, true);

        if (jolokiaEnabled) {
            JolokiaEndpoint jolokia = new JolokiaEndpoint(context, httpPort, jolokiaPath,
                    registry.lookupByNameAndType("adminLogin", AdminLogin.class), audit, realm);
            context.addService(jolokia, true, true);
            context.getManagementStrategy().addEventNotifier(jolokia.startListener());
        }
    }
}
