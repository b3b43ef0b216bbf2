package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * The two promises of the per-flow wiring, on a bare Camel Main (no routes, no application.properties):
 * a configuration may take a bean that a configuration added after it binds, and a name bound by two
 * methods stops the start with both named.
 */
class FlowWiringTest {

    record Partner(String name) {
    }

    record Greeting(String text) {
    }

    /** Needs a bean of {@link PartnerSide}: added first, it is post-processed before that exists. */
    public static class GreetingSide implements CamelConfiguration {
        @BindToRegistry("greeting")
        public Greeting greeting(Partner partner) {
            return new Greeting("Hello " + partner.name());
        }
    }

    public static class PartnerSide implements CamelConfiguration {
        @BindToRegistry("partner")
        public Partner partner(@PropertyInject("partner.name") String name) {
            return new Partner(name);
        }
    }

    /** Binds {@code partner} a second time, as {@code orderStatusQuery} once was. */
    public static class SecondPartnerSide implements CamelConfiguration {
        @BindToRegistry("partner")
        public Partner otherPartner() {
            return new Partner("other");
        }
    }

    @Test
    void aConfigurationMayUseABeanOfAConfigurationAddedAfterIt() throws Exception {
        for (List<CamelConfiguration> order : List.of(
                List.<CamelConfiguration>of(new GreetingSide(), new PartnerSide()),
                List.<CamelConfiguration>of(new PartnerSide(), new GreetingSide()))) {
            Main main = bareMain(order, true);
            try {
                main.start();
                assertThat(main.getCamelContext().getRegistry().lookupByNameAndType("greeting", Greeting.class))
                        .isEqualTo(new Greeting("Hello ACME"));
            } finally {
                main.stop();
            }
        }
    }

    /** Why FlowWiring exists: Camel on its own resolves the parameters while it reads each configuration. */
    @Test
    void withoutFlowWiringCamelNeedsTheConfigurationsInDependencyOrder() {
        Main main = bareMain(List.of(new GreetingSide(), new PartnerSide()), false);
        try {
            assertThatThrownBy(main::start).hasStackTraceContaining("cannot bind parameter #1 on method")
                    .hasStackTraceContaining("GreetingSide.greeting(");
        } finally {
            main.stop();
        }
    }

    @Test
    void aNameBoundByTwoMethodsStopsTheStartNamingBoth() {
        Main main = bareMain(List.of(new PartnerSide(), new GreetingSide(), new SecondPartnerSide()), true);
        try {
            assertThatThrownBy(main::start)
                    .satisfies(e -> assertThat(rootCauses(e)).anySatisfy(cause -> assertThat(cause)
                            .isInstanceOf(FlowWiring.DuplicateBeanException.class)
                            .hasMessageContaining("'partner' by PartnerSide.partner() and SecondPartnerSide.otherPartner()")));
        } finally {
            main.stop();
        }
    }

    @Test
    void theInterchangeConfigurationsBindEachNameOnce() {
        assertThatCode(() -> FlowWiring.requireUniqueNames(Interchange.configurations())).doesNotThrowAnyException();
    }

    @Test
    void everyClashIsListedNotJustTheFirst() {
        assertThatThrownBy(() -> FlowWiring.requireUniqueNames(List.of(new PartnerSide(), new SecondPartnerSide(),
                new GreetingSide(), new GreetingSide())))
                .isInstanceOf(FlowWiring.DuplicateBeanException.class)
                .hasMessageContaining("'greeting' by GreetingSide.greeting() and GreetingSide.greeting()")
                .hasMessageContaining("'partner' by PartnerSide.partner() and SecondPartnerSide.otherPartner()");
    }

    private static Main bareMain(List<CamelConfiguration> configurations, boolean flowWiring) {
        Main main = new Main();
        // only what the test declares: no application.properties, hence no routes, broker or HTTP server
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addOverrideProperty("partner.name", "ACME");
        if (flowWiring) {
            main.addMainListener(new FlowWiring());
        }
        configurations.forEach(main.configure()::addConfiguration);
        return main;
    }

    private static List<Throwable> rootCauses(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
