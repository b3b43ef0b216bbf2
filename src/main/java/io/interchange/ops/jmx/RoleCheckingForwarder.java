package io.interchange.ops.jmx;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;

import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;

/**
 * Sits between the remote JMX connector and the MBean server: role {@code viewer} may read
 * (attributes, queries, MBean info, operations declared as {@code INFO}); changing anything
 * (operations, setting attributes, registering MBeans) needs role {@code ops}.
 */
final class RoleCheckingForwarder implements InvocationHandler {

    private static final Set<String> CHANGES = Set.of("setAttribute", "setAttributes", "createMBean",
            "registerMBean", "unregisterMBean", "instantiate", "deserialize");

    private MBeanServer target;

    static MBeanServerForwarder create() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[] {MBeanServerForwarder.class}, new RoleCheckingForwarder());
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
        if (CHANGES.contains(name) || (name.equals("invoke") && !isInfoOperation((ObjectName) args[0], (String) args[1]))) {
            AdminUser user = JmxCaller.user().orElseThrow(() -> new SecurityException("Not authenticated"));
            if (!user.may(AdminRole.OPS)) {
                throw new SecurityException("User '" + user.name() + "' has role " + user.role().apiName()
                        + "; " + name + " needs role ops");
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private boolean isInfoOperation(ObjectName mbean, String operation) {
        try {
            for (MBeanOperationInfo info : target.getMBeanInfo(mbean).getOperations()) {
                if (info.getName().equals(operation)) {
                    return info.getImpact() == MBeanOperationInfo.INFO;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }
}
