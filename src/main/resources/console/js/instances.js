// The cluster as the overview shows it, from GET /admin/v1/cluster/instances (one instance alone is a
// cluster of one): how many are alive, and one row per instance, the answering one first, then the
// alive ones, then the dead ones (kept listed until interchange.cluster.forget-after).
export function instances(cluster) {
  const rows = cluster.instances.map(i => ({
    nodeId: i.nodeId,
    alive: i.alive,
    self: i.self,
    state: i.alive ? 'alive' : 'dead',
    routes: i.routes ? `${i.routes.up} / ${i.routes.total}` : '—',
    lastSeenAt: i.lastSeenAt,
    version: i.version || '—',
    leads: (i.leads || []).join(', ') || '—',
    suspended: (i.suspendedIntakes || []).join(', ') || '—',
  }));
  rows.sort((a, b) => (b.self - a.self) || (b.alive - a.alive) || a.nodeId.localeCompare(b.nodeId));
  const alive = rows.filter(r => r.alive).length;
  return { answeredBy: cluster.node, alive, total: rows.length, summary: `${alive} of ${rows.length}`, rows };
}
