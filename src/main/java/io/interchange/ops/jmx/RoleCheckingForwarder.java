package io.interchange.ops.jmx;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;

import io.interchange.ops.admin.AdminUser;

/**
 * Sits between the remote JMX connector and the MBean server and applies the same access policy as
 * Jolokia ({@link RoleRestrictor}: {@code jolokia/<role>-access.xml}): an operation runs only if the
 * caller's role allows it, an attribute that could hand out a secret is not read (left out of a
 * bulk read), no attribute is written, and no MBean is created, registered or removed remotely.
 */
final class RoleCheckingForwarder implements InvocationHandler {

    private static final Set<String> NEVER = Set.of("setAttribute", "setAttributes", "createMBean",
            "registerMBean", "unregisterMBean", "instantiate", "deserialize");

    private final RoleRestrictor policy;
    private MBeanServer target;

    private RoleCheckingForwarder(RoleRestrictor policy) {
        this.policy = policy;
    }

    static MBeanServerForwarder create() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new RoleCheckingForwarder(RoleRestrictor.fromClasspath()));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("getMBeanServer")) {
            return target;
        }
        if (name.equals("setMBeanServer")) {
            target = (MBeanServer) args[0];
            return null;
        }
        if (NEVER.contains(name)) {
            throw refused(name + " is not allowed over remote JMX");
        }
        if (name.equals("invoke") && !policy.isOperationAllowed((ObjectName) args[0], (String) args[1])) {
            throw refused("operation " + args[1] + " of " + args[0] + " is not allowed for this role");
        }
        if (name.equals("getAttribute") && !policy.isAttributeReadAllowed((ObjectName) args[0], (String) args[1])) {
            throw refused("attribute " + args[1] + " of " + args[0] + " is not readable");
        }
        if (name.equals("getAttributes")) {
            ObjectName mbean = (ObjectName) args[0];
            args = new Object[] {mbean, Arrays.stream((String[]) args[1])
                    .filter(attribute -> policy.isAttributeReadAllowed(mbean, attribute)).toArray(String[]::new)};
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static SecurityException refused(String what) {
        String user = JmxCaller.user().map(AdminUser::name).orElse("unauthenticated");
        return new SecurityException("User '" + user + "': " + what);
    }
}
