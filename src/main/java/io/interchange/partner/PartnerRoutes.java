package io.interchange.partner;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one intake route ({@code intake-sftp-<partner>}, from the route template
 * {@code sftp-partner-intake}) and one response route ({@code outbound-edi-855-<partner>}, from
 * {@code edi-order-response}) per partner in the registry: a new partner gets its routes, a
 * changed one gets them rebuilt, a removed one loses them. Partners whose entry did not change
 * keep running untouched.
 */
public class PartnerRoutes {

    public static final String INTAKE_TEMPLATE = "sftp-partner-intake";
    public static final String RESPONSE_TEMPLATE = "edi-order-response";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerRoutes.class);

    private final CamelContext context;
    private final PartnerEndpoints endpoints;
    private final Function<String, String> placements;
    /** Per running partner, what its routes were built from. */
    private final Map<String, String> running = new HashMap<>();

    /** @param placements binds a fresh file placement strategy for a partner and returns its bean name */
    public PartnerRoutes(CamelContext context, PartnerEndpoints endpoints, Function<String, String> placements) {
        this.context = context;
        this.endpoints = endpoints;
        this.placements = placements;
    }

    public synchronized void apply(PartnerRegistry registry) {
        for (String id : Map.copyOf(running).keySet()) {
            if (registry.find(id).isEmpty()) {
                remove(id);
                running.remove(id);
                LOG.info("Partner {} removed: its routes are stopped; its folders and files stay", id);
            }
        }
        for (Partner partner : registry.partners()) {
            String before = running.get(partner.id());
            String signature = signature(partner);
            // a change the routes do not depend on (a password, an acknowledgement policy) leaves them running
            if (signature.equals(before)) {
                continue;
            }
            if (before != null) {
                remove(partner.id());
            }
            try {
                add(partner);
                running.put(partner.id(), signature);
                LOG.info("Partner {} {}: route {} polls {}", partner.id(), before == null ? "added" : "changed",
                        intakeRouteId(partner.id()), endpoints.folders(partner).inbound());
            } catch (Exception e) {
                running.remove(partner.id());
                LOG.error("Partner {}: routes could not be created: {}", partner.id(), e.getMessage(), e);
            }
        }
    }

    private String signature(Partner partner) {
        return endpoints.inbound(partner) + "|" + endpoints.folders(partner) + "|" + (partner.mappings().orderResponse() != null);
    }

    public static String intakeRouteId(String partnerId) {
        return "intake-sftp-" + partnerId;
    }

    public static String responseRouteId(String partnerId) {
        return "outbound-edi-855-" + partnerId;
    }

    private void add(Partner partner) throws Exception {
        PartnerEndpoints.Folders folders = endpoints.folders(partner);
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("partnerId", partner.id());
        intake.put("source", endpoints.inbound(partner));
        intake.put("archive", folders.archive());
        intake.put("error", folders.error());
        intake.put("placement", placements.apply(partner.id()));
        TemplatedRouteBuilder.builder(context, INTAKE_TEMPLATE).routeId(intakeRouteId(partner.id()))
                .parameters(intake).add();
        // a route added while the context is still finishing its start-up can stay stopped
        context.getRouteController().startRoute(intakeRouteId(partner.id()));
        if (partner.mappings().orderResponse() != null) {
            TemplatedRouteBuilder.builder(context, RESPONSE_TEMPLATE).routeId(responseRouteId(partner.id()))
                    .parameter("partnerId", partner.id()).add();
            context.getRouteController().startRoute(responseRouteId(partner.id()));
        }
    }

    private void remove(String partnerId) {
        for (String routeId : new String[] {intakeRouteId(partnerId), responseRouteId(partnerId)}) {
            if (context.getRoute(routeId) == null) {
                continue;
            }
            try {
                context.getRouteController().stopRoute(routeId);
                context.removeRoute(routeId);
            } catch (Exception e) {
                LOG.error("Route {} could not be removed: {}", routeId, e.getMessage(), e);
            }
        }
    }
}
