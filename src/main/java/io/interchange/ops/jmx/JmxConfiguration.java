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
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The JMX console: Interchange's MBeans on the platform MBean server (always) and Jolokia for Hawtio
 * at {@code interchange.jolokia.path} unless {@code interchange.jolokia.enabled=false}, for admin users
 * (remote JMX: {@link RemoteJmxConfiguration}).
 */
public class JmxConfiguration implements CamelConfiguration {

    @PropertyInject(value = "interchange.jolokia.enabled", defaultValue = "true")
    private boolean jolokiaEnabled;

    @BindToRegistry("interchangeMBeans")
    public InterchangeMBeans interchangeMBeans(CamelContext context, DeadLetterQueues queues, DeadLetterBrowser browser,
                                               DeadLetterReplay replay, DeadLetterDiscard discard, QueueDepth depth,
                                               ErpBackoff backoff, IntakeChannels intakeChannels, DataSource dataSource,
                                               RouteReloader reloader, AuditLog audit,
                                               @PropertyInject("interchange.queue.orders") String ordersQueue)
            throws Exception {
        InterchangeMBeans mbeans = new InterchangeMBeans();
        for (String queue : queues.names()) {
            mbeans.add("type=DeadLetterQueue,name=" + queue,
                    new DeadLetterQueueControl(queue, browser, replay, discard, depth), DeadLetterQueueMBean.class);
        }
        mbeans.add("type=ErpBreaker", new ErpBreakerControl(backoff, depth, ordersQueue), ErpBreakerMBean.class);
        mbeans.add("type=Intakes", new IntakesControl(intakeChannels, new IntakeCounters(dataSource)), IntakesMBean.class);
        mbeans.add("type=RouteReload", new RouteReloadControl(reloader, audit), RouteReloadMBean.class);
        context.addService(mbeans, true, true);
        return mbeans;
    }

    /** Started by {@link #configure} unless {@code interchange.jolokia.enabled=false}. */
    @BindToRegistry("jolokiaEndpoint")
    public JolokiaEndpoint jolokiaEndpoint(CamelContext context, AdminLogin login, AuditLog audit,
            @PropertyInject("interchange.http.port") int httpPort,
            @PropertyInject(value = "interchange.jolokia.path", defaultValue = "/observe/jolokia") String jolokiaPath,
            @PropertyInject(value = "interchange.admin.realm", defaultValue = "interchange-admin") String realm) {
        return new JolokiaEndpoint(context, httpPort, jolokiaPath, login, audit, realm);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        registry.findSingleByType(InterchangeMBeans.class);
        if (jolokiaEnabled) {
            JolokiaEndpoint jolokia = registry.findSingleByType(JolokiaEndpoint.class);
            context.addService(jolokia, true, true);
            context.getManagementStrategy().addEventNotifier(jolokia.startListener());
        }
    }
}
