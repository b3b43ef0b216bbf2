package io.interchange.ops.jmx;

import javax.management.MBeanOperationInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;

/**
 * A standard MBean whose read-only operations ({@code list...}) say so ({@code INFO}), so role viewer
 * may call them; every other operation is an {@code ACTION} and needs role ops.
 */
class InfoOperations extends StandardMBean {

    <T> InfoOperations(T implementation, Class<T> mbeanInterface) throws NotCompliantMBeanException {
        super(implementation, mbeanInterface);
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return info.getName().startsWith("list") ? MBeanOperationInfo.INFO : MBeanOperationInfo.ACTION;
    }
}
