// The admin API (/admin/v1) with the logged-in user's credentials. They live in sessionStorage (this
// tab only, gone when it closes) and go with each request as HTTP Basic, like curl -u. Requests are
// made with credentials: 'omit', so a refused login is the page's to answer, not a browser dialog.
const KEY = 'interchange-console-credentials';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

export function remember(user, password) {
  sessionStorage.setItem(KEY, basic(user, password));
}

export function forget() {
  sessionStorage.removeItem(KEY);
}

export function loggedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const authorization = sessionStorage.getItem(KEY);
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/admin/v1' + path, {
    method, headers, credentials: 'omit', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = path => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') search.set(name, String(value).trim());
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
