package io.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.interchange.support.Http;
import io.interchange.support.Orders;
import io.interchange.support.RunningInterchange;
import io.interchange.support.TestErp;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interchange's own configurations added in the reverse of their usual order: every pair of
 * configurations meets the other way round, and the runtime still starts, binds every bean and takes
 * an order to the ERP.
 */
class FlowWiringIT {

    /** Bound, but only built when switched on (off in tests: the sandbox, remote JMX). */
    private static final Set<String> SWITCHED_OFF = Set.of("erpSandbox", "remoteJmxConnector");

    private static TestErp erp;
    private static RunningInterchange interchange;
    private static List<CamelConfiguration> reversed;

    @BeforeAll
    static void start() {
        erp = TestErp.start();
        reversed = new ArrayList<>(Interchange.configurations());
        Collections.reverse(reversed);
        interchange = RunningInterchange.start(erp, Map.of(), reversed);
    }

    @AfterAll
    static void stop() {
        if (interchange != null) {
            interchange.close();
        }
        erp.close();
    }

    @Test
    void everyBoundBeanIsBuiltWithTheConfigurationsReversed() {
        List<String> names = new ArrayList<>();
        for (CamelConfiguration configuration : reversed) {
            for (Method method : configuration.getClass().getDeclaredMethods()) {
                BindToRegistry bind = method.getAnnotation(BindToRegistry.class);
                if (bind != null && !SWITCHED_OFF.contains(bind.value())) {
                    names.add(bind.value());
                }
            }
        }

        assertThat(names).hasSizeGreaterThan(90)
                .allSatisfy(name -> assertThat(interchange.bean(name, Object.class)).as(name).isNotNull());
    }

    @Test
    void anOrderPostedToTheRestIntakeReachesTheErp() {
        HttpResponse<String> response = interchange.http().postJson("/api/v1/orders",
                Orders.json("webshop", "WIRING-1", "WIDGET-RED"));

        assertThat(response.statusCode()).isEqualTo(202);
        String documentId = Http.json(response).path("documentId").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                interchange.http().getJson("/api/v1/orders/" + documentId).path("state").asText()).isEqualTo("accepted"));
        assertThat(erp.ordersFor("WIRING-1")).hasSize(1);
    }
}
