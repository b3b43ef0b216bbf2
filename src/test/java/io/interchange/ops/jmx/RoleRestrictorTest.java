package io.interchange.ops.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.interchange.ops.admin.AdminRole;
import io.interchange.ops.admin.AdminUser;
import org.junit.jupiter.api.Test;

/** The Jolokia (and remote JMX) allowlist of each role, as the policy files on the class path say. */
class RoleRestrictorTest {

    private static final String CONTEXT = "org.apache.camel:context=interchange,type=context,name=\"interchange\"";
    private static final String ROUTE = "org.apache.camel:context=interchange,type=routes,name=\"process-orders\"";
    private static final String DLQ = "io.interchange:type=DeadLetterQueue,name=orders.dlq";

    private final RoleRestrictor policy = RoleRestrictor.fromClasspath();

    @Test
    void viewerReadsEverythingButSecretsAndCallsOnlyReadingOperations() {
        assertThat(as(AdminRole.VIEWER, () -> policy.isAttributeReadAllowed(name(ROUTE), "ExchangesTotal"))).isTrue();
        assertThat(as(AdminRole.VIEWER, () -> policy.isAttributeReadAllowed(name("java.lang:type=Runtime"), "Uptime"))).isTrue();
        assertThat(as(AdminRole.VIEWER, () -> policy.isAttributeReadAllowed(name("java.lang:type=Runtime"), "SystemProperties"))).isFalse();
        assertThat(as(AdminRole.VIEWER, () -> policy.isAttributeReadAllowed(name("java.lang:type=Runtime"), "InputArguments"))).isFalse();
        assertThat(as(AdminRole.VIEWER, () -> policy.isOperationAllowed(name(DLQ), "list"))).isTrue();
        assertThat(as(AdminRole.VIEWER, () -> policy.isOperationAllowed(name(ROUTE), "dumpRouteStatsAsXml"))).isTrue();
        assertThat(as(AdminRole.VIEWER, () -> policy.isOperationAllowed(name(DLQ), "replay"))).isFalse();
        assertThat(as(AdminRole.VIEWER, () -> policy.isOperationAllowed(name("io.interchange:type=Intakes"), "suspend"))).isFalse();
        assertThat(as(AdminRole.VIEWER, () -> policy.isOperationAllowed(name(ROUTE), "stop"))).isFalse();
        assertThat(as(AdminRole.VIEWER, () -> policy.isAttributeWriteAllowed(name(ROUTE), "Tracing"))).isFalse();
    }

    @Test
    void opsActOnInterchangeAndRoutesButNeverInjectRemoveDumpOrStopCamel() {
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(DLQ), "replay"))).isTrue();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name("io.interchange:type=Intakes"), "suspend"))).isTrue();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(ROUTE), "stop"))).isTrue();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(ROUTE), "start"))).isTrue();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(ROUTE), "stop(long)"))).as("an overload").isTrue();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(CONTEXT), "sendBody(java.lang.String,java.lang.Object)")))
                .isFalse();
        for (String operation : new String[] {"sendBody", "requestBody", "removeEndpoints", "dumpRoutesAsXml",
                "dumpRoutesAsYaml", "stop", "suspend", "addOrUpdateRoutesFromXml"}) {
            assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(CONTEXT), operation))).as(operation).isFalse();
        }
        for (String operation : new String[] {"dumpRouteAsXml", "dumpRouteAsYaml", "remove", "updateRouteFromXml"}) {
            assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name(ROUTE), operation))).as(operation).isFalse();
        }
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap"))).isFalse();
        assertThat(as(AdminRole.OPS, () -> policy.isOperationAllowed(name("com.sun.management:type=DiagnosticCommand"), "vmSystemProperties"))).isFalse();
        assertThat(as(AdminRole.OPS, () -> policy.isAttributeReadAllowed(name("java.lang:type=Runtime"), "SystemProperties"))).isFalse();
        assertThat(as(AdminRole.OPS, () -> policy.isAttributeWriteAllowed(name(ROUTE), "Tracing"))).isFalse();
    }

    @Test
    void everyRoleDumpsTheRoutesForHawtiosDiagramOnlyWithoutResolvedPlaceholders() {
        for (AdminRole role : AdminRole.values()) {
            assertThat(as(role, () -> policy.isOperationAllowed(name(CONTEXT), "dumpRoutesAsXml()"))).as(role + " ()").isTrue();
            for (String operation : new String[] {"dumpRoutesAsXml", "dumpRoutesAsXml(boolean)",
                    "dumpRoutesAsXml(boolean,boolean)", "dumpRoutesAsXml(boolean,boolean,boolean)", "dumpRoutesAsXml( )"}) {
                assertThat(as(role, () -> policy.isOperationAllowed(name(CONTEXT), operation))).as(role + " " + operation).isFalse();
            }
            assertThat(as(role, () -> policy.isOperationAllowed(name(ROUTE), "dumpRouteAsXml()"))).as(role + " route").isFalse();
        }
    }

    @Test
    void aCallWithoutAUserIsRefusedEverything() {
        assertThat(policy.isAttributeReadAllowed(name(ROUTE), "ExchangesTotal")).isFalse();
        assertThat(policy.isOperationAllowed(name(DLQ), "list")).isFalse();
    }

    private static boolean as(AdminRole role, BooleanSupplier check) {
        boolean[] answer = new boolean[1];
        JmxCaller.runAs(new AdminUser("tester", role), () -> answer[0] = check.getAsBoolean());
        return answer[0];
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
