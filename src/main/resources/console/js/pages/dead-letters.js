// Dead letters: every DLQ with filters (queue, partner, reason, age); one entry's masked payload and
// headers; replay one, the selected or all filtered; discard with a reason. Actions need role ops.
import * as api from '../api.js';
import { h, replace, unchanged, table, time } from '../dom.js';

const AGES = { '': 'any age', PT1H: 'older than 1 hour', P1D: 'older than 1 day', P7D: 'older than 7 days' };
const SECONDS = { PT1H: 3600, P1D: 86400, P7D: 604800 };

function filterOf(form) {
  const data = Object.fromEntries(new FormData(form));
  const filter = { queue: data.queue, partner: data.partner, errorClass: data.errorClass };
  if (data.age) filter.until = new Date(Date.now() - SECONDS[data.age] * 1000).toISOString();
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v && v.trim()));
}

export default {
  render(root, { session, argument, status, navigate }) {
    const state = { session, status, navigate, opened: argument, selected: new Set(),
      list: h('div', { id: 'dead-letter-list' }), detail: h('div', { id: 'dead-letter-detail' }), filter: {} };
    const queue = h('select', { name: 'queue', id: 'filter-queue' }, h('option', { value: '' }, 'every queue'));
    state.queueSelect = queue;
    const form = h('form', { class: 'filters', id: 'dead-letter-filters', onsubmit: event => {
      event.preventDefault();
      state.filter = filterOf(form);
      state.selected.clear();
      this.refresh(state).catch(e => status(e.message, true));
    } },
    h('label', {}, 'queue', queue),
    h('label', {}, 'partner', h('input', { name: 'partner', id: 'filter-partner', size: 14 })),
    h('label', {}, 'reason (error class)', h('input', { name: 'errorClass', id: 'filter-reason', size: 22 })),
    h('label', {}, 'age', h('select', { name: 'age', id: 'filter-age' }, Object.entries(AGES).map(([v, t]) => h('option', { value: v }, t)))),
    h('button', { class: 'primary', type: 'submit' }, 'Filter'));
    const act = (label, id, handler, kind) => h('button', { id, class: kind, type: 'button', disabled: !session.canAct,
      title: session.canAct ? null : 'needs role ops', onclick: () => handler().catch(e => status(e.message, true)) }, label);
    const reason = h('input', { id: 'bulk-reason', placeholder: 'reason for discarding', size: 30, disabled: !session.canAct });
    const actions = h('div', { class: 'actions panel' },
      act('Replay selected', 'replay-selected', async () => {
        for (const id of state.selected) await api.post(`/dead-letters/${encodeURIComponent(id)}/replay`);
        status(`Replayed ${state.selected.size} dead letters`);
        state.selected.clear();
        await this.refresh(state);
      }),
      act('Replay all filtered', 'replay-filtered', async () => {
        const body = Object.keys(state.filter).length ? state.filter : { all: true };
        if (!confirm(`Replay every dead letter matching ${JSON.stringify(body)}?`)) return;
        const outcome = await api.post('/dead-letters/replay', body);
        status(`Replayed ${outcome.ok} of ${outcome.matched}`);
        await this.refresh(state);
      }),
      reason,
      act('Discard selected', 'discard-selected', async () => {
        if (!reason.value.trim()) return status('Discarding needs a reason.', true);
        for (const id of state.selected) await api.post(`/dead-letters/${encodeURIComponent(id)}/discard`, { reason: reason.value });
        status(`Discarded ${state.selected.size} dead letters`);
        state.selected.clear();
        await this.refresh(state);
      }, 'danger'),
      session.canAct ? null : h('span', { class: 'muted', id: 'viewer-note' }, 'Role viewer: you can look, not replay or discard.'));
    replace(root, h('h1', {}, 'Dead letters'), form, actions, state.detail, state.list);
    return state;
  },

  async refresh(state) {
    const [queues, page] = await Promise.all([api.get('/dead-letter-queues'),
      api.get('/dead-letters' + api.query({ ...state.filter, limit: 200 }))]);
    if (state.queueSelect.options.length === 1) {
      state.queueSelect.append(...queues.queues.map(q => h('option', { value: q.queue }, q.queue)));
    }
    if (unchanged(state, [queues, page])) return this.showOpened(state);
    replace(state.list, h('p', { class: 'muted' }, `${page.matched} dead letters match; `
      + queues.queues.map(q => `${q.queue}: ${q.messages ?? '?'}`).join(', ')),
    table([
      { title: '', cell: l => h('input', { type: 'checkbox', class: 'select', checked: state.selected.has(l.id),
        disabled: !state.session.canAct, onchange: e => e.target.checked ? state.selected.add(l.id) : state.selected.delete(l.id) }) },
      { title: 'last failure', cell: l => time(l.lastFailureAt) },
      { title: 'queue', cell: l => l.queue },
      { title: 'partner', cell: l => `${l.channel || ''} ${l.partnerId || ''}` },
      { title: 'business key', cell: l => l.businessKey || '' },
      { title: 'reason', cell: l => l.reason || '' },
      { title: 'attempts', num: true, cell: l => l.attempts ?? '' },
      { title: '', cell: l => h('button', { type: 'button', class: 'open', onclick: () => {
        state.opened = l.id;
        this.refresh(state).catch(e => state.status(e.message, true));
      } }, 'Open') },
    ], page.deadLetters, l => ({ 'data-id': l.id, 'data-document': l.documentId || '', class: 'dead-letter' })));
    await this.showOpened(state);
  },

  async showOpened(state) {
    if (!state.opened) return replace(state.detail);
    let letter;
    try {
      letter = await api.get('/dead-letters/' + encodeURIComponent(state.opened));
    } catch (e) {
      if (e.status !== 404) throw e;
      state.opened = null;
      return replace(state.detail);
    }
    if (state.shown === JSON.stringify(letter)) return;
    state.shown = JSON.stringify(letter);
    const { session, status, navigate } = state;
    const act = async (path, body, then) => {
      try {
        await api.post(`/dead-letters/${encodeURIComponent(letter.id)}/${path}`, body);
        state.opened = null;
        then();
      } catch (e) {
        status(e.message, true);
      }
    };
    const reason = h('input', { id: 'discard-reason', placeholder: 'reason', size: 30, disabled: !session.canAct });
    replace(state.detail, h('div', { class: 'panel', id: 'dead-letter-open', 'data-id': letter.id },
      h('h2', {}, `${letter.queue} · ${letter.businessKey || letter.id}`),
      h('p', {}, h('strong', {}, 'Reason: '), letter.reason || '', ' ', h('span', { class: 'muted' },
        `(${letter.errorClass || ''} in ${letter.failedRoute || '?'}, ${letter.attempts ?? '?'} attempts, replays go to ${letter.originalQueue})`)),
      h('div', { class: 'actions' },
        h('button', { id: 'replay-one', class: 'primary', type: 'button', disabled: !session.canAct,
          title: session.canAct ? null : 'needs role ops',
          onclick: () => act('replay', {}, () => letter.documentId
            ? navigate('#/documents/' + encodeURIComponent(letter.documentId)) : this.refresh(state)) }, 'Replay'),
        reason,
        h('button', { id: 'discard-one', class: 'danger', type: 'button', disabled: !session.canAct, onclick: () =>
          reason.value.trim() ? act('discard', { reason: reason.value }, () => this.refresh(state))
            : status('Discarding needs a reason.', true) }, 'Discard'),
        letter.documentId ? h('a', { href: '#/documents/' + encodeURIComponent(letter.documentId) }, 'Timeline') : null,
        h('button', { type: 'button', onclick: () => { state.opened = null; state.shown = null; replace(state.detail); } }, 'Close')),
      h('h2', {}, 'Headers'), h('pre', { id: 'dead-letter-headers' }, JSON.stringify(letter.headers, null, 2)),
      h('h2', {}, letter.masked ? 'Payload (personal data masked)' : 'Payload'),
      h('pre', { id: 'dead-letter-payload' }, letter.payloadWithheld || JSON.stringify(letter.payload, null, 2))));
  },
};
