// The console's shell: login, navigation between pages (#/<page>/<argument>), and live updates: the
// page on screen reloads its data every few seconds (polling the admin API; nothing else to run).
import * as api from './api.js';
import { h, replace } from './dom.js';
import overview from './pages/overview.js';
import deadLetters from './pages/dead-letters.js';
import documents from './pages/documents.js';
import intakes from './pages/intakes.js';
import audit from './pages/audit.js';

const PAGES = { overview, 'dead-letters': deadLetters, documents, intakes, audit };
const REFRESH_MS = 5000;
const $ = id => document.getElementById(id);

const session = { user: null, role: null, canAct: false };
let current = null;
let timer = null;

function status(text, isError = false) {
  const line = $('status');
  line.textContent = text;
  line.className = isError ? 'error' : '';
}

async function refresh() {
  if (!current?.page.refresh) return;
  try {
    await current.page.refresh(current.state);
    status('Updated ' + new Date().toLocaleTimeString());
  } catch (e) {
    if (e.status === 401) return logout('Your login is no longer valid; log in again.');
    status('Could not update: ' + e.message, true);
  }
}

async function show() {
  clearInterval(timer);
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = PAGES[name] || overview;
  document.querySelectorAll('#nav a[data-page]').forEach(a => a.classList.toggle('active', PAGES[a.dataset.page] === page));
  const root = h('section', { id: 'page-' + (PAGES[name] ? name : 'overview') });
  replace($('page'), root);
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : null;
  current = { page, state: page.render(root, { session, argument, status, navigate }) };
  await refresh();
  timer = setInterval(refresh, REFRESH_MS);
}

function navigate(hash) {
  if (location.hash === hash) show(); else location.hash = hash;
}

async function start() {
  try {
    const me = await api.get('/console');
    Object.assign(session, { user: me.user, role: me.role, canAct: me.role === 'ops' });
    $('who').textContent = `${me.user} (${me.role})`;
    $('hawtio-link').hidden = !me.hawtio;
    if (me.brokerConsole) Object.assign($('broker-link'), { href: me.brokerConsole, hidden: false });
    $('login').hidden = true;
    $('nav').hidden = false;
    $('logout').hidden = false;
    window.addEventListener('hashchange', show);
    await show();
  } catch (e) {
    logout(e.status === 401 ? null : e.message);
  }
}

function logout(message) {
  clearInterval(timer);
  api.forget();
  window.removeEventListener('hashchange', show);
  current = null;
  replace($('page'));
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  $('login').hidden = false;
  $('login-error').textContent = message || '';
}

$('login').addEventListener('submit', async event => {
  event.preventDefault();
  const user = $('login-user').value.trim();
  api.remember(user, $('login-password').value);
  $('login-password').value = '';
  try {
    await api.get('/console');
    await start();
  } catch (e) {
    const why = e.status === 401 ? 'Wrong user name or password.'
      : e.status === 429 ? 'Too many failed logins. ' + e.message
      : e.message;
    logout(why);
  }
});
$('logout').addEventListener('click', () => logout('Logged out.'));

if (api.loggedIn()) start(); else logout(null);
