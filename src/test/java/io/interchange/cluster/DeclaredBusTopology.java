package io.interchange.cluster;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import io.interchange.broker.BrokerConfiguration;
import io.interchange.broker.BusTopology;
import org.apache.camel.PropertyInject;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The bus topology as the code declares it ({@link BrokerConfiguration#busTopology} with the
 * defaults of application.properties): the one list the deployment files are checked against.
 * Each {@code @PropertyInject} parameter of the binding method is resolved as Camel would.
 */
public final class DeclaredBusTopology {

    private DeclaredBusTopology() {
    }

    public static BusTopology withDefaults() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");
            Method method = bindingMethod();
            Parameter[] parameters = method.getParameters();
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                String key = parameters[i].getAnnotation(PropertyInject.class).value();
                String text = context.resolvePropertyPlaceholders("{{" + key + "}}");
                values[i] = context.getTypeConverter().mandatoryConvertTo(parameters[i].getType(), text);
            }
            return (BusTopology) method.invoke(new BrokerConfiguration(), values);
        }
    }

    private static Method bindingMethod() {
        for (Method method : BrokerConfiguration.class.getMethods()) {
            if (method.getName().equals("busTopology")) {
                return method;
            }
        }
        throw new IllegalStateException("BrokerConfiguration declares no busTopology method");
    }
}
