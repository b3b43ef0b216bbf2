// Overview: documents per channel and partner over the last hour or day, queue depths, the ERP
// breaker, reload status, overdue acknowledgements and suspended intakes.
import * as api from '../api.js';
import { h, replace, unchanged, time } from '../dom.js';
import { lines, legend } from '../chart.js';

const MEASURES = ['received', 'accepted', 'rejected', 'deadLettered'];

function card(label, value, detail, testId) {
  return h('div', { class: 'card', 'data-test': testId }, h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value), detail ? h('div', { class: 'muted' }, detail) : null);
}

export default {
  render(root, { status }) {
    const state = { window: 'hour', cards: h('div', { class: 'cards' }), charts: h('div', { class: 'charts', id: 'charts' }) };
    const choose = h('select', { id: 'activity-window', onchange: e => {
      state.window = e.target.value;
      this.refresh(state).catch(error => status(error.message, true));
    } },
      h('option', { value: 'hour' }, 'last hour (5-minute buckets)'), h('option', { value: 'day' }, 'last day (hourly)'));
    replace(root, h('h1', {}, 'Overview'), state.cards,
      h('h2', {}, 'Documents per channel and partner ', choose), legend(MEASURES), state.charts);
    return state;
  },

  async refresh(state) {
    const [breaker, queues, reload, overdue, intakes, activity] = await Promise.all([
      api.get('/erp-breaker'), api.get('/dead-letter-queues'), api.get('/reload'),
      api.get('/edi/acknowledgements/overdue?limit=1000'), api.get('/intakes'),
      api.get('/activity?window=' + state.window)]);
    if (unchanged(state, [breaker, queues, reload, overdue, intakes, activity])) return;
    const suspended = intakes.intakes.filter(i => i.suspended);
    replace(state.cards,
      card('ERP circuit breaker', h('span', { class: 'state', id: 'breaker-state' }, breaker.state),
        `since ${time(breaker.since)}; ${breaker.heldExchanges} held`, 'breaker'),
      card(`Queue ${breaker.queue}`, breaker.queueDepth ?? '—', 'orders waiting for the ERP', 'queue-depth'),
      queues.queues.map(q => card(`Dead letters ${q.queue}`, q.messages ?? '—', null, 'dlq-' + q.queue)),
      card('Route and mapping reload', reload.enabled ? (reload.refused.length ? `${reload.refused.length} refused` : 'OK') : 'off',
        `last check ${time(reload.lastCheck)}`, 'reload'),
      card('Overdue acknowledgements', overdue.count, 'partners’ 997/CONTRL for our 855/ORDRSP', 'overdue'),
      card('Intakes suspended', suspended.length, suspended.map(i => i.id).join(', ') || 'all taking documents', 'suspended'));
    replace(state.charts, activity.series.length === 0
      ? h('p', { class: 'muted' }, `No documents in the last ${activity.window}.`)
      : activity.series.map(s => h('div', { class: 'card chart', 'data-series': `${s.channel}/${s.partnerId}` },
        h('div', { class: 'label' }, `${s.channel} · ${s.partnerId}`),
        lines(s, MEASURES, `${s.channel} ${s.partnerId}, last ${activity.window}`),
        legend(MEASURES, s.totals))));
  },
};
