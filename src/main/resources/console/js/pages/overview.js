// Overview: documents per channel and partner over the last hour or day, queue depths, the ERP
// breaker, the instances alive (each listed), reload status, overdue acknowledgements and order
// responses, and suspended intakes.
import * as api from '../api.js';
import { h, replace, unchanged, time, table } from '../dom.js';
import { lines, legend } from '../chart.js';
import { instances } from '../instances.js';

const MEASURES = ['received', 'accepted', 'rejected', 'deadLettered'];

function card(label, value, detail, testId) {
  return h('div', { class: 'card', 'data-test': testId }, h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value), detail ? h('div', { class: 'muted' }, detail) : null);
}

export default {
  render(root, { status }) {
    const state = { window: 'hour', cards: h('div', { class: 'cards' }), charts: h('div', { class: 'charts', id: 'charts' }),
      instances: h('div', { id: 'instances' }), shownInstances: {} };
    const choose = h('select', { id: 'activity-window', onchange: e => {
      state.window = e.target.value;
      this.refresh(state).catch(error => status(error.message, true));
    } },
      h('option', { value: 'hour' }, 'last hour (5-minute buckets)'), h('option', { value: 'day' }, 'last day (hourly)'));
    replace(root, h('h1', {}, 'Overview'), state.cards,
      h('h2', {}, 'Documents per channel and partner ', choose), legend(MEASURES), state.charts,
      h('h2', {}, 'Instances'), state.instances);
    return state;
  },

  async refresh(state) {
    const [breaker, queues, reload, overdue, responses, intakes, activity, cluster] = await Promise.all([
      api.get('/erp-breaker'), api.get('/dead-letter-queues'), api.get('/reload'),
      api.get('/edi/acknowledgements/overdue?limit=1000'), api.get('/edi/order-responses/overdue'), api.get('/intakes'),
      api.get('/activity?window=' + state.window), api.get('/cluster/instances')]);
    const members = instances(cluster);
    // the instances' last-seen times move with every heartbeat: their table is redrawn on its own
    if (!unchanged(state.shownInstances, members)) {
      replace(state.instances, table([
        { title: 'Instance', cell: r => r.self ? `${r.nodeId} (this one)` : r.nodeId },
        { title: 'State', cell: r => h('span', { class: 'state ' + r.state }, r.state) },
        { title: 'Routes up', num: true, cell: r => r.routes },
        { title: 'Last seen', cell: r => time(r.lastSeenAt) },
        { title: 'Version', cell: r => r.version },
        { title: 'Leads', cell: r => r.leads },
        { title: 'Intakes suspended', cell: r => r.suspended },
      ], members.rows, r => ({ class: 'instance', 'data-node': r.nodeId })));
    }
    if (unchanged(state, [breaker, queues, reload, overdue, responses, intakes, activity, members.summary])) return;
    const suspended = intakes.intakes.filter(i => i.suspended);
    const late = responses.partners.filter(p => p.count > 0).map(p => `${p.partnerId} ${p.count}`).join(', ');
    replace(state.cards,
      card('Instances alive', h('span', { id: 'instances-alive' }, members.summary), `this page from ${members.answeredBy}`, 'instances'),
      card('ERP circuit breaker', h('span', { class: 'state', id: 'breaker-state' }, breaker.state),
        `since ${time(breaker.since)}; ${breaker.heldExchanges} held`, 'breaker'),
      card(`Queue ${breaker.queue}`, breaker.queueDepth ?? '—', 'orders waiting for the ERP', 'queue-depth'),
      queues.queues.map(q => card(`Dead letters ${q.queue}`, q.messages ?? '—', null, 'dlq-' + q.queue)),
      card('Route and mapping reload', reload.enabled ? (reload.refused.length ? `${reload.refused.length} refused` : 'OK') : 'off',
        `last check ${time(reload.lastCheck)}`, 'reload'),
      card('Overdue acknowledgements', overdue.count, 'partners’ 997/CONTRL for our 855/ORDRSP', 'overdue'),
      card('Overdue order responses', h('span', { id: 'overdue-order-responses' }, responses.count),
        late || `our 855/ORDRSP, none later than ${responses.overdueAfter.replace(/^PT/, '').toLowerCase()}`, 'overdue-order-responses'),
      card('Intakes suspended', suspended.length, suspended.map(i => i.id).join(', ') || 'all taking documents', 'suspended'));
    replace(state.charts, activity.series.length === 0
      ? h('p', { class: 'muted' }, `No documents in the last ${activity.window}.`)
      : activity.series.map(s => h('div', { class: 'card chart', 'data-series': `${s.channel}/${s.partnerId}` },
        h('div', { class: 'label' }, `${s.channel} · ${s.partnerId}`),
        lines(s, MEASURES, `${s.channel} ${s.partnerId}, last ${activity.window}`),
        legend(MEASURES, s.totals))));
  },
};
