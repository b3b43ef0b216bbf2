// Document search: by document id, correlation id, or partner and purchase order number; then the
// timeline of every hop (files, acknowledgements, ERP attempts, events, replays), kept up to date.
import * as api from '../api.js';
import { h, replace, unchanged, table, time } from '../dom.js';

function timeline(document) {
  return h('div', { class: 'panel', 'data-document': document.documentId },
    h('h2', {}, `${document.documentType} ${document.businessKey} `,
      h('span', { class: 'state ' + document.state, id: 'document-state' }, document.state)),
    h('p', { class: 'muted' }, `document ${document.documentId} · correlation ${document.correlationId} · `
      + `attempts ${document.attempts}${document.erpOrderNumber ? ' · ERP order ' + document.erpOrderNumber : ''}`),
    table([
      { title: 'when', cell: hop => time(hop.at) },
      { title: 'step', cell: hop => h('span', { class: 'step' }, hop.step) },
      { title: 'outcome', cell: hop => h('span', { class: 'outcome-' + hop.outcome }, hop.outcome) },
      { title: 'detail', cell: hop => hop.detail || '' },
    ], document.timeline || [], () => ({ class: 'hop' })));
}

export default {
  render(root, { argument, navigate, status }) {
    const state = { documentId: argument, search: null, results: h('div', { id: 'documents' }) };
    const field = (name, label, size) => h('label', {}, label, h('input', { name, id: 'search-' + name, size }));
    const form = h('form', { class: 'filters', id: 'document-search', onsubmit: event => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      if (data.documentId.trim()) return navigate('#/documents/' + encodeURIComponent(data.documentId.trim()));
      state.documentId = null;
      state.search = data.correlationId.trim() ? { correlationId: data.correlationId }
        : { partnerId: data.partnerId, externalNumber: data.externalNumber };
      this.refresh(state).catch(e => status('Search failed: ' + e.message, true));
    } },
    field('documentId', 'document id', 36), field('correlationId', 'correlation id', 24),
    field('partnerId', 'partner', 14), field('externalNumber', 'PO / external number', 16),
    h('button', { class: 'primary', type: 'submit', id: 'search-submit' }, 'Find'));
    replace(root, h('h1', {}, 'Documents'), form, state.results);
    return state;
  },

  async refresh(state) {
    if (state.documentId) {
      let document;
      try {
        document = await api.get('/documents/' + encodeURIComponent(state.documentId));
      } catch (e) {
        if (e.status !== 404) throw e;
        return replace(state.results, h('p', { class: 'muted', id: 'nothing-found' }, e.message));
      }
      if (!unchanged(state, document)) replace(state.results, timeline(document));
    } else if (state.search) {
      const found = await api.get('/documents' + api.query(state.search));
      if (unchanged(state, found)) return;
      replace(state.results, found.documents.length === 0
        ? h('p', { class: 'muted', id: 'nothing-found' }, 'No document matches.')
        : found.documents.map(timeline));
    }
  },
};
