// Builds elements from data without innerHTML: everything the admin API answers is shown as text.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function replace(target, ...children) {
  target.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
}

export function time(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return at.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function table(columns, rows, rowAttributes = () => ({})) {
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Nothing here.'))
      : rows.map(row => h('tr', rowAttributes(row), columns.map(c => h('td', { class: c.num ? 'num' : null }, c.cell(row)))))));
}

// True when `data` is what the page showed last time (then it need not draw again).
export function unchanged(state, data) {
  const text = JSON.stringify(data);
  if (state.shownData === text) return true;
  state.shownData = text;
  return false;
}
