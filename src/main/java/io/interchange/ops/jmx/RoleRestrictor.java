package io.interchange.ops.jmx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

import javax.management.ObjectName;

import io.interchange.ops.admin.AdminRole;
import org.jolokia.server.core.restrictor.DenyAllRestrictor;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * Jolokia's access policy per admin role: each role has a policy file in Jolokia's own format
 * ({@code jolokia/viewer-access.xml}, {@code jolokia/ops-access.xml}, an allowlist of operations by
 * name or by exact signature and a denylist of attributes that could hand out secrets), and each
 * check asks the policy of the user the request runs as ({@link JmxCaller}, set by
 * {@link JolokiaGuard} on the request's thread). A request without a user is denied everything.
 */
final class RoleRestrictor implements Restrictor {

    private final Map<AdminRole, Restrictor> policies;
    private final Restrictor nobody = new DenyAllRestrictor();

    private RoleRestrictor(Map<AdminRole, Restrictor> policies) {
        this.policies = policies;
    }

    /** The policies on the class path: {@code jolokia/<role>-access.xml} for each role. */
    static RoleRestrictor fromClasspath() {
        Map<AdminRole, Restrictor> policies = new EnumMap<>(AdminRole.class);
        for (AdminRole role : AdminRole.values()) {
            String resource = "jolokia/" + role.apiName() + "-access.xml";
            try (InputStream policy = RoleRestrictor.class.getClassLoader().getResourceAsStream(resource)) {
                if (policy == null) {
                    throw new IllegalStateException("Jolokia policy " + resource + " is missing from the class path");
                }
                policies.put(role, new PolicyRestrictor(policy));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read Jolokia policy " + resource, e);
            }
        }
        return new RoleRestrictor(policies);
    }

    private Restrictor current() {
        return JmxCaller.user().map(user -> policies.getOrDefault(user.role(), nobody)).orElse(nobody);
    }

    private boolean ask(Predicate<Restrictor> check) {
        return check.test(current());
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return ask(r -> r.isHttpMethodAllowed(method));
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return ask(r -> r.isTypeAllowed(type));
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return ask(r -> r.isAttributeReadAllowed(name, attribute));
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return ask(r -> r.isAttributeWriteAllowed(name, attribute));
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        // a policy names operations, every overload allowed ("stop"), or one overload with its exact
        // signature ("dumpRoutesAsXml()": the dump without resolved placeholders, never the one with);
        // a caller may add a signature to pick an overload: "stop()"
        int signature = operation.indexOf('(');
        String bare = signature < 0 ? operation : operation.substring(0, signature);
        return ask(r -> r.isOperationAllowed(name, bare) || signature >= 0 && r.isOperationAllowed(name, operation));
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return ask(r -> r.isRemoteAccessAllowed(hostOrAddress));
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        return ask(r -> r.isOriginAllowed(origin, strictCheck));
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return ask(r -> r.isObjectNameHidden(name));
    }
}
