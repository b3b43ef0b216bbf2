// Partners and intakes: each SFTP partner, webhook source and the REST API with its last document,
// counts by state and error rate; suspend (with a reason) and resume for role ops.
import * as api from '../api.js';
import { h, replace, unchanged, table, time } from '../dom.js';

function errorRate(documents) {
  const failed = (documents.rejected || 0) + (documents['dead-lettered'] || 0);
  return documents.total ? `${((100 * failed) / documents.total).toFixed(1)} %` : '—';
}

export default {
  render(root, { session, status }) {
    const state = { session, status, list: h('div', { id: 'intake-list' }), reasons: new Map() };
    replace(root, h('h1', {}, 'Partners and intakes'),
      h('p', { class: 'muted' }, 'A suspended intake takes no new documents (REST and webhooks answer 503, SFTP files wait); '
        + 'what is on the bus keeps flowing.'), state.list);
    return state;
  },

  async refresh(state) {
    const { intakes } = await api.get('/intakes');
    const { session, status } = state;
    const act = async (intake, action) => {
      const input = state.reasons.get(intake.id);
      if (action === 'suspend' && !input.value.trim()) return status('Suspending needs a reason.', true);
      try {
        await api.post(`/intakes/${encodeURIComponent(intake.id)}/${action}`, action === 'suspend' ? { reason: input.value } : {});
        input.value = '';
        status(`${intake.id}: ${action === 'suspend' ? 'suspended' : 'resumed'}`);
        await this.refresh(state);
      } catch (e) {
        status(e.message, true);
      }
    };
    // keep what someone is typing as a reason across the periodic refresh
    const reasonFor = intake => {
      if (!state.reasons.has(intake.id)) {
        state.reasons.set(intake.id, h('input', { class: 'reason', placeholder: 'reason', size: 22, disabled: !session.canAct }));
      }
      return state.reasons.get(intake.id);
    };
    if (unchanged(state, intakes)) return;
    replace(state.list, table([
      { title: 'intake', cell: i => h('strong', {}, i.id) },
      { title: 'kind', cell: i => i.kind },
      { title: 'state', cell: i => i.suspended
        ? h('span', { class: 'state suspended' }, `suspended by ${i.suspension?.by} ${time(i.suspension?.since)}: ${i.suspension?.reason}`)
        : h('span', { class: 'state' }, 'running') },
      { title: 'last document', cell: i => time(i.lastReceivedAt) },
      { title: 'documents', num: true, cell: i => i.documents.total },
      { title: 'accepted', num: true, cell: i => i.documents.accepted || 0 },
      { title: 'rejected', num: true, cell: i => i.documents.rejected || 0 },
      { title: 'dead-lettered', num: true, cell: i => i.documents['dead-lettered'] || 0 },
      { title: 'error rate', num: true, cell: i => errorRate(i.documents) },
      { title: '', cell: i => h('div', { class: 'actions' }, i.suspended
        ? h('button', { type: 'button', class: 'resume', disabled: !session.canAct, onclick: () => act(i, 'resume') }, 'Resume')
        : [reasonFor(i), h('button', { type: 'button', class: 'suspend danger', disabled: !session.canAct,
          onclick: () => act(i, 'suspend') }, 'Suspend')]) },
    ], intakes, i => ({ 'data-intake': i.id, class: 'intake' })));
  },
};
