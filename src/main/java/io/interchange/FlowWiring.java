package io.interchange;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PluginHelper;

/**
 * Makes the per-flow configurations independent of the order they are added in, and refuses a bean
 * name that two {@code @BindToRegistry} methods claim.
 *
 * <p>Camel Main binds a configuration's {@code @BindToRegistry} methods when it post-processes that
 * configuration, one configuration after the other, and resolves a method's parameters there and then
 * (by type, or by {@code @BeanInject}/{@code @PropertyInject}): a parameter whose bean a later
 * configuration binds is not found. With {@code lazy} binding Camel binds a supplier instead
 * ({@code Registry.bind(id, type, supplier)}) and calls the method on the first look-up, by which
 * time every configuration has bound its beans. Camel's own switch for that is the bean post
 * processor's lazy-bean strategy; this listener turns it on for every {@code @BindToRegistry} before
 * Camel reads the configurations, so no method has to remember {@code lazy = true}.
 *
 * <p>The registry replaces a bean bound twice without a word; the check here makes that a start-up
 * error naming both methods.
 */
public final class FlowWiring extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        requireUniqueNames(main.configure().getConfigurations());
        PluginHelper.getBeanPostProcessor(main.getCamelContext()).setLazyBeanStrategy(bind -> true);
    }

    /**
     * Every {@code @BindToRegistry} method of the configurations (of any visibility, inherited ones too,
     * as Camel sees them), by the name it binds.
     *
     * @throws DuplicateBeanException when two methods bind the same name
     */
    static void requireUniqueNames(Collection<? extends CamelConfiguration> configurations) {
        Map<String, List<String>> binders = new TreeMap<>();
        for (CamelConfiguration configuration : configurations) {
            for (Class<?> type = configuration.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    BindToRegistry bind = method.getAnnotation(BindToRegistry.class);
                    if (bind != null) {
                        String name = bind.value().isEmpty() ? method.getName() : bind.value();
                        binders.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(type.getSimpleName() + "." + method.getName() + "()");
                    }
                }
            }
        }
        String clashes = binders.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "'" + e.getKey() + "' by " + String.join(" and ", e.getValue()))
                .collect(Collectors.joining("; "));
        if (!clashes.isEmpty()) {
            throw new DuplicateBeanException("Bean names bound more than once (each name must have one "
                    + "@BindToRegistry method): " + clashes);
        }
    }

    /** Start-up error: two configuration methods bind the same bean name. */
    public static final class DuplicateBeanException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        DuplicateBeanException(String message) {
            super(message);
        }
    }
}
