package io.interchange.ops.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Interchange's own MBeans ({@code io.interchange:type=...}) on the platform MBean server,
 * next to Camel's ({@code org.apache.camel}) and Artemis' ({@code org.apache.activemq.artemis}), and
 * removes them when Interchange stops.
 */
public class InterchangeMBeans extends ServiceSupport {

    public static final String DOMAIN = "io.interchange";

    private static final Logger LOG = LoggerFactory.getLogger(InterchangeMBeans.class);

    private final Map<ObjectName, Object> mbeans = new LinkedHashMap<>();
    private final List<ObjectName> registered = new ArrayList<>();

    public <T> void add(String keys, T implementation, Class<T> mbeanInterface) throws Exception {
        mbeans.put(new ObjectName(DOMAIN + ":" + keys), new InfoOperations(implementation, mbeanInterface));
    }

    @Override
    protected void doStart() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (Map.Entry<ObjectName, Object> mbean : mbeans.entrySet()) {
            try {
                server.registerMBean(mbean.getValue(), mbean.getKey());
                registered.add(mbean.getKey());
            } catch (InstanceAlreadyExistsException e) {
                LOG.warn("{} is already registered by another Interchange in this JVM; this one is not", mbean.getKey());
            }
        }
        LOG.info("Interchange MBeans registered: {}", registered);
    }

    @Override
    protected void doStop() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        }
        registered.clear();
    }
}
