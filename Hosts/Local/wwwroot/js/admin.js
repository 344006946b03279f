// The runs page: lists instances from the Durable management API, page by page, with client-side status counts and
// terminate / rewind / restart / purge. The system key lives in sessionStorage only and goes out as x-functions-key.
import { field, normalizeStatus } from './poll.js';

const KEY_STORAGE = 'durableLessons.systemKey';
const BASE = 'runtime/webhooks/durabletask/instances';
const PAGE_SIZE = 25;
const $ = (id) => document.getElementById(id);

const runs = new Map(); // instanceId → status, in load order
let continuation = null;

$('system-key').value = sessionStorage.getItem(KEY_STORAGE) ?? '';

$('key-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('system-key').value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  runs.clear();
  continuation = null;
  await loadPage();
});

$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(KEY_STORAGE);
  $('system-key').value = '';
});

$('load-more').addEventListener('click', () => loadPage());

async function call(url, init = {}) {
  const headers = { Accept: 'application/json', ...init.headers };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers['x-functions-key'] = key;
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  const body = text ? safeJson(text) : null;
  if (!response.ok) {
    const hint = response.status === 401 ? ' Enter the system key above.' : '';
    throw new Error(`${field(body, 'detail') ?? field(body, 'title') ?? `HTTP ${response.status}`}${hint}`);
  }
  return { body, response };
}

async function loadPage() {
  showError('');
  try {
    const headers = continuation ? { 'x-ms-continuation-token': continuation } : {};
    const { body, response } = await call(`${BASE}?top=${PAGE_SIZE}&showInput=false`, { headers });
    for (const item of body ?? []) {
      const status = normalizeStatus(item);
      runs.set(status.instanceId, status);
    }
    continuation = response.headers.get('x-ms-continuation-token');
    render();
  } catch (error) {
    showError(error.message);
  }
}

async function refresh(instanceId) {
  try {
    const { body } = await call(`${BASE}/${encodeURIComponent(instanceId)}?showInput=false`);
    runs.set(instanceId, normalizeStatus(body));
  } catch {
    runs.delete(instanceId); // purged, or gone
  }
  render();
}

// A control operation is accepted (202) and carried out by the run's next step, a moment later on Durable Functions
// as on the embedded engine: read the run again until it shows the change, for a few seconds at most.
async function refreshUntilChanged(before) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await refresh(before.instanceId);
    const now = runs.get(before.instanceId);
    if (!now || now.runtimeStatus !== before.runtimeStatus || now.lastUpdatedTime !== before.lastUpdatedTime) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const ACTIONS = [
  { label: 'Terminate', when: (s) => !isTerminal(s), run: (id) => call(`${BASE}/${id}/terminate?reason=${encodeURIComponent('Terminated from the runs page')}`, { method: 'POST' }) },
  { label: 'Rewind', when: (s) => s === 'Failed', run: (id) => call(`${BASE}/${id}/rewind?reason=${encodeURIComponent('Rewound from the runs page')}`, { method: 'POST' }) },
  { label: 'Restart', when: () => true, run: (id) => call(`${BASE}/${id}/restart?restartWithNewInstanceId=false`, { method: 'POST' }) },
  { label: 'Purge', when: (s) => isTerminal(s), run: (id) => call(`${BASE}/${id}`, { method: 'DELETE' }) },
];

function render() {
  const tbody = $('runs').tBodies[0];
  tbody.replaceChildren(...[...runs.values()].map(row));
  $('load-more').hidden = !continuation;

  const counts = new Map();
  for (const run of runs.values()) counts.set(run.runtimeStatus, (counts.get(run.runtimeStatus) ?? 0) + 1);
  $('status-counts').replaceChildren(...[...counts.entries()].sort().map(([status, count]) => {
    const item = document.createElement('li');
    item.dataset.status = status;
    item.textContent = `${status}: ${count}`;
    return item;
  }));
  const total = document.createElement('li');
  total.textContent = `Loaded: ${runs.size}`;
  $('status-counts').prepend(total);
}

function row(run) {
  const tr = document.createElement('tr');
  tr.dataset.instanceId = run.instanceId;
  tr.append(cell(run.instanceId, 'id'), cell(run.name), cell(run.runtimeStatus, 'status'), cell(when(run.createdTime)), cell(when(run.lastUpdatedTime)));
  const actions = document.createElement('td');
  actions.className = 'actions';
  for (const action of ACTIONS.filter((a) => a.when(run.runtimeStatus))) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = action.label;
    button.setAttribute('aria-label', `${action.label} ${run.instanceId}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      showError('');
      try {
        await action.run(encodeURIComponent(run.instanceId));
      } catch (error) {
        showError(`${action.label} ${run.instanceId}: ${error.message}`);
      }
      await refreshUntilChanged(run);
    });
    actions.append(button);
  }
  tr.append(actions);
  return tr;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

function isTerminal(status) {
  return ['Completed', 'Failed', 'Terminated', 'Canceled'].includes(status);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

function showError(message) {
  const element = $('admin-error');
  element.textContent = message;
  element.hidden = !message;
}
