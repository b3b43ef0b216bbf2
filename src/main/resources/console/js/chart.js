// A small time chart as inline SVG: one line per measure over the window's buckets.
import { h } from './dom.js';

export const COLOURS = { received: '#66707a', accepted: '#2b8a3e', rejected: '#c77700', deadLettered: '#c92a2a' };
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function lines(series, measures, label) {
  const width = 300, height = 70, pad = 4;
  const count = series[measures[0]].length;
  const max = Math.max(1, ...measures.flatMap(m => series[m]));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' });
  chart.append(svg('line', { x1: 0, y1: height - pad, x2: width, y2: height - pad, stroke: '#d9dee3' }));
  for (const measure of measures) {
    const points = series[measure].map((value, i) =>
      `${(i * (width - 2 * pad)) / Math.max(1, count - 1) + pad},${height - pad - (value / max) * (height - 2 * pad)}`);
    chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: COLOURS[measure], 'stroke-width': 2 }));
  }
  const title = svg('title', {});
  title.textContent = `${label} (highest bucket: ${max})`;
  chart.append(title);
  return chart;
}

export function legend(measures, totals) {
  return h('div', { class: 'legend' }, measures.map(m =>
    h('span', {}, h('i', { class: 'swatch-' + m }), `${m} ${totals ? totals[m] : ''}`)));
}
