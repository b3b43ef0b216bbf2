package io.interchange.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interchange.model.CanonicalJson;
import io.interchange.ops.admin.AdminResponse;
import org.apache.camel.Exchange;

/**
 * {@code GET /admin/v1/cluster/instances}: which instance answers ({@code node}), and every instance
 * sharing the database, alive or dead, with what it runs and which intakes it holds suspended.
 */
public class InstancesResource {

    private final ClusterView cluster;

    public InstancesResource(ClusterView cluster) {
        this.cluster = cluster;
    }

    public void list(Exchange exchange) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        answer.put("node", cluster.nodeId());
        answer.put("aliveTimeout", cluster.timeout().toString());
        ArrayNode list = answer.putArray("instances");
        for (ClusterView.Member member : cluster.members()) {
            InstanceRecord instance = member.instance();
            ObjectNode json = list.addObject()
                    .put("nodeId", instance.nodeId())
                    .put("alive", member.alive())
                    .put("self", member.self())
                    .put("startedAt", instance.startedAt().toString())
                    .put("lastSeenAt", instance.lastSeenAt().toString())
                    .put("version", instance.version())
                    .put("httpUrl", instance.httpUrl());
            json.putObject("routes").put("up", instance.routesUp()).put("total", instance.routesTotal());
            instance.suspendedIntakes().forEach(json.putArray("suspendedIntakes")::add);
            member.leases().forEach(json.putArray("leads")::add);
        }
        AdminResponse.ok(exchange, answer);
    }
}
