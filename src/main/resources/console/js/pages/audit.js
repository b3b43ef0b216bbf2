// Audit log: who did what, when, through which door (http, jmx, jolokia), and how it ended.
import * as api from '../api.js';
import { h, replace, unchanged, table, time } from '../dom.js';

export default {
  render(root, { status }) {
    const state = { filter: {}, list: h('div', { id: 'audit-list' }) };
    const form = h('form', { class: 'filters', id: 'audit-filters', onsubmit: event => {
      event.preventDefault();
      state.filter = Object.fromEntries(new FormData(form));
      this.refresh(state).catch(e => status(e.message, true));
    } },
    ['actor', 'action', 'target'].map(name => h('label', {}, name, h('input', { name, id: 'audit-' + name, size: 16 }))),
    h('button', { class: 'primary', type: 'submit' }, 'Filter'));
    replace(root, h('h1', {}, 'Audit log'), form, state.list);
    return state;
  },

  async refresh(state) {
    const { entries } = await api.get('/audit' + api.query({ ...state.filter, limit: 200 }));
    if (unchanged(state, entries)) return;
    replace(state.list, table([
      { title: 'when', cell: e => time(e.at) },
      { title: 'who', cell: e => e.actor },
      { title: 'via', cell: e => e.via },
      { title: 'action', cell: e => e.action },
      { title: 'target', cell: e => e.target || '' },
      { title: 'outcome', cell: e => h('span', { class: 'outcome-' + e.outcome }, e.outcome) },
      { title: 'detail', cell: e => e.detail || '' },
    ], entries, () => ({ class: 'audit-entry' })));
  },
};
