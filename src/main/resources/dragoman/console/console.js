// Dragoman's web console: plain JavaScript over Dragoman's own HTTP API (docs/http-api.md, "HTTP API"), no library and no
// other host. Texts from the API are always set as text, never as HTML.
'use strict';

const REFRESH_MS = 3000;
const SOURCES = ['file', 'kafka', 'http'];
let providers = [];
let tokenAsked = null;

// --- the API, with the token the user gave ----------------------------------------------------------------------

function headers(extra) {
  const all = Object.assign({}, extra);
  const token = sessionStorage.getItem('dragoman.token');
  if (token) {
    all.Authorization = 'Bearer ' + token;
  }
  return all;
}

/** fetch on Dragoman's API; on 401 asks for a token once (all callers wait for the same form) and tries again. */
async function api(path, init) {
  const options = Object.assign({}, init || {});
  for (;;) {
    options.headers = headers(init && init.headers);
    const response = await fetch(path, options);
    if (response.status !== 401) {
      return response;
    }
    sessionStorage.removeItem('dragoman.token');
    await askToken();
  }
}

function askToken() {
  if (!tokenAsked) {
    tokenAsked = new Promise((resolve) => {
      const form = document.getElementById('token-form');
      form.classList.remove('hidden');
      document.getElementById('token').focus();
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        sessionStorage.setItem('dragoman.token', document.getElementById('token').value.trim());
        document.getElementById('token').value = '';
        form.classList.add('hidden');
        tokenAsked = null;
        resolve();
      }, { once: true });
    });
  }
  return tokenAsked;
}

async function json(path) {
  const response = await api(path);
  if (!response.ok) {
    const error = new Error(path + ' answered ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// --- small DOM helpers --------------------------------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

function number(value) {
  return value === undefined || value === null ? '–' : Number(value).toLocaleString();
}

function money(value) {
  return value === undefined || value === null ? '–' : Number(value).toFixed(value < 0.01 ? 6 : 4);
}

// --- try and compare ----------------------------------------------------------------------------------------------

function renderInstanceChoice() {
  const choice = document.getElementById('instance-choice');
  if (choice.childElementCount > 0) {
    return;
  }
  for (const provider of providers) {
    const box = el('input', { type: 'checkbox', value: provider.name, checked: 'checked', name: 'instance' });
    choice.append(el('label', {}, box, ' ' + provider.name), ' ');
  }
}

function chosenInstances() {
  return [...document.querySelectorAll('#instance-choice input:checked')].map((box) => box.value);
}

function translateAll(event) {
  event.preventDefault();
  const results = document.getElementById('results');
  results.replaceChildren();
  const request = {
    text: document.getElementById('text').value,
    source_lang: document.getElementById('source-lang').value.trim() || undefined,
    target_lang: document.getElementById('target-lang').value.trim() || undefined,
  };
  for (const name of chosenInstances()) {
    const column = {
      box: el('div', { class: 'column', 'data-instance': name }),
      translation: el('div', { class: 'translation' }),
      meta: el('div', { class: 'meta' }, 'translating…'),
      error: el('div', { class: 'error' }),
    };
    const copy = el('button', { type: 'button', class: 'plain' }, 'Copy');
    copy.addEventListener('click', () => navigator.clipboard.writeText(column.translation.textContent));
    column.box.append(el('h3', {}, name), column.translation, column.error, column.meta, el('div', {}, copy));
    results.append(column.box);
    stream(Object.assign({}, request, { provider: name }), column);
  }
}

/** POST /translate as server-sent events (EventSource cannot POST): delta, reset, then envelope or error. */
async function stream(request, column) {
  const started = performance.now();
  try {
    const response = await api('/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(request),
    });
    if (!(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      const body = await response.json().catch(() => ({}));
      return fail(column, body.error || 'HTTP ' + response.status);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        event(buffer.slice(0, end), column, started);
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    fail(column, error.message);
  }
}

function event(block, column, started) {
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data += line.slice(5).trim();
    }
  }
  const payload = data ? JSON.parse(data) : {};
  if (name === 'delta') {
    column.translation.append(payload.delta);
  } else if (name === 'reset') {
    column.translation.textContent = '';
  } else if (name === 'envelope') {
    column.translation.textContent = payload.translation;
    column.meta.textContent = describe(payload, started);
  } else if (name === 'error') {
    fail(column, payload.error);
  }
}

function describe(envelope, started) {
  const parts = [envelope.model, (envelope.latency_ms ?? Math.round(performance.now() - started)) + ' ms'];
  const usage = envelope.usage;
  if (usage) {
    parts.push(number(usage.prompt_tokens) + ' + ' + number(usage.completion_tokens) + ' tokens');
    const provider = providers.find((p) => p.name === envelope.provider);
    if (provider && (provider.price_prompt || provider.price_completion)) {
      parts.push('cost ' + money(((usage.prompt_tokens || 0) * (provider.price_prompt || 0)
          + (usage.completion_tokens || 0) * (provider.price_completion || 0)) / 1e6));
    }
  }
  if (envelope.cached) {
    parts.push('cached');
  }
  return parts.join(' · ');
}

function fail(column, message) {
  column.box.classList.add('failed');
  column.error.textContent = message;
  column.meta.textContent = 'failed';
}

// --- providers and keys -------------------------------------------------------------------------------------------

function keyState(key) {
  if (key.state === 'cooling') {
    return 'resting until ' + new Date(key.until).toLocaleTimeString();
  }
  if (key.state === 'rejected' || key.state === 'probing') {
    return key.state + (key.reason ? ': ' + key.reason : '');
  }
  return key.state;
}

// a key's limits now: the group's slots in use when a store shares them, what its rpm and tpm buckets hold
function keyLimits(key) {
  const parts = [];
  if (key.slots_held !== undefined) {
    parts.push(key.slots_held + ' of ' + key.concurrency + ' slots');
  }
  for (const [kind, limit] of Object.entries(key.limits || {})) {
    // a bucket holds a small burst, refilled over the minute: what it holds is what may go out at once now
    parts.push(kind + ' ' + number(limit.limit) + '/min, ' + number(limit.remaining) + ' ready now');
  }
  return parts.join(' · ');
}

// an instance's budget: what the group spent in its period and, once spent, until when it is closed
function budgetBadge(budget) {
  if (!budget) {
    return null;
  }
  const parts = [];
  if (budget.budget !== undefined) {
    parts.push('spent ' + money(budget.spend) + ' of ' + money(budget.budget) + ' this ' + budget.period);
  }
  if (budget.tokens_per_day !== undefined) {
    parts.push(number(budget.tokens_today) + ' of ' + number(budget.tokens_per_day) + ' tokens today');
  }
  if (budget.closed_until) {
    parts.push('closed until ' + new Date(budget.closed_until).toLocaleString());
  }
  return el('span', { class: 'badge budget' + (budget.closed_until ? ' open' : ''), 'data-budget': '' },
      parts.join(' · '));
}

function renderProviders(usage) {
  const usageOf = {};
  for (const instance of (usage && usage.instances) || []) {
    for (const key of instance.keys || []) {
      usageOf[instance.instance + ' ' + key.key] = key;
    }
  }
  const container = document.getElementById('providers');
  container.replaceChildren();
  for (const provider of providers) {
    const models = el('button', { type: 'button', class: 'plain' }, 'models');
    models.addEventListener('click', () => showModels(provider.name));
    container.append(el('div', { class: 'instance-head', 'data-instance': provider.name },
        el('strong', {}, provider.name), el('span', { class: 'muted' }, provider.dialect + ' · ' + provider.model),
        provider.breaker ? el('span', { class: 'badge ' + provider.breaker }, 'breaker ' + provider.breaker) : null,
        budgetBadge(provider.budget),
        provider.group ? el('span', { class: 'badge ' + (provider.group.reachable ? 'closed' : 'open') },
            provider.group.reachable ? 'shared by ' + provider.group.processes + ' processes'
                : 'store unreachable: own share') : null,
        provider.dialect === 'pseudo' ? null : models));
    if (!provider.keys || provider.keys.length === 0) {
      continue;
    }
    const rows = provider.keys.map((key) => {
      const used = usageOf[provider.name + ' ' + key.key] || {};
      const requests = used.requests || {};
      const total = Object.values(requests).reduce((sum, count) => sum + count, 0);
      return el('tr', { 'data-key': key.key, 'data-state': key.state },
          el('td', {}, el('code', {}, key.key)),
          el('td', {}, el('span', { class: 'badge ' + key.state }, keyState(key))),
          el('td', {}, number(total)), el('td', {}, number(requests.rate_limited)),
          el('td', {}, number(used.promptTokens)), el('td', {}, number(used.completionTokens)),
          el('td', { class: 'limits' }, keyLimits(key)));
    });
    container.append(el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'key'), el('th', {}, 'state'),
        el('th', {}, 'requests'), el('th', {}, '429s'), el('th', {}, 'prompt tokens'),
        el('th', {}, 'completion tokens'), el('th', {}, 'limits now'))), el('tbody', {}, ...rows)));
  }
}

async function showModels(name) {
  const box = document.getElementById('models');
  box.classList.remove('hidden');
  box.textContent = name + ': fetching the model list…';
  try {
    const response = await api('/providers/' + encodeURIComponent(name) + '/models');
    const body = await response.json();
    box.textContent = name + ': ' + (response.ok ? JSON.stringify(body, null, 1) : body.error);
  } catch (error) {
    box.textContent = name + ': ' + error.message;
  }
}

// --- activity -----------------------------------------------------------------------------------------------------

function renderChart(activity) {
  const width = 420;
  const height = 140;
  const pad = 24;
  const minutes = activity || [];
  const max = Math.max(1, ...minutes.flatMap((minute) => SOURCES.map((source) => minute[source] || 0)));
  const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-label': 'translations per minute by source, last 15 minutes' });
  chart.append(svg('line', { class: 'axis', x1: pad, y1: height - pad, x2: width, y2: height - pad }));
  chart.append(svg('line', { class: 'axis', x1: pad, y1: 4, x2: pad, y2: height - pad }));
  const label = svg('text', { x: 0, y: 12 });
  label.textContent = String(max);
  chart.append(label);
  const x = (i) => pad + (minutes.length < 2 ? 0 : i * (width - pad - 4) / (minutes.length - 1));
  const y = (value) => height - pad - value * (height - pad - 8) / max;
  for (const source of SOURCES) {
    const points = minutes.map((minute, i) => x(i).toFixed(1) + ',' + y(minute[source] || 0).toFixed(1)).join(' ');
    chart.append(svg('polyline', { class: source, points }));
  }
  const caption = svg('text', { x: pad, y: height - 6 });
  caption.textContent = 'translations per minute, last 15 minutes';
  chart.append(caption);
  document.getElementById('chart').replaceChildren(chart,
      el('div', { class: 'legend' }, ...SOURCES.map((source) => el('span', { class: source }, '● ' + source))));
}

function renderTotals(usage) {
  const rows = SOURCES.map((source) => {
    const counts = (usage.translations && usage.translations[source]) || {};
    return el('tr', {}, el('td', {}, source), el('td', {}, number(counts.translated)),
        el('td', {}, number(counts.cached)), el('td', {}, number(counts.failed)));
  });
  const instances = (usage.instances || []).map((instance) => el('tr', {}, el('td', {}, instance.instance),
      el('td', {}, number(instance.promptTokens)), el('td', {}, number(instance.completionTokens)),
      el('td', {}, money(instance.cost))));
  document.getElementById('totals').replaceChildren(
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'since ' + new Date(usage.since).toLocaleString()),
          el('th', {}, 'translated'), el('th', {}, 'cached'), el('th', {}, 'failed'))), el('tbody', {}, ...rows)),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'instance'), el('th', {}, 'prompt tokens'),
          el('th', {}, 'completion tokens'), el('th', {}, 'cost'))), el('tbody', {}, ...instances)));
}

function renderFiles(files) {
  const container = document.getElementById('files');
  if (files === null) {
    container.replaceChildren(el('span', { class: 'muted' }, 'not available'));
    return;
  }
  if (files.length === 0) {
    container.replaceChildren(el('span', { class: 'muted' }, 'none'));
    return;
  }
  container.replaceChildren(...files.map((file) => {
    const bar = el('span');
    bar.style.width = (file.total ? 100 * file.done / file.total : 0).toFixed(1) + '%';
    return el('div', { class: 'file-row' }, el('code', {}, file.file), el('div', { class: 'bar' }, bar),
        number(file.done) + ' / ' + number(file.total) + (file.failed ? ', ' + number(file.failed) + ' failed' : ''),
        file.estimatedEnd ? el('span', { class: 'muted' }, 'done ~' + new Date(file.estimatedEnd).toLocaleTimeString())
          : null);
  }));
}

// --- refresh ------------------------------------------------------------------------------------------------------

async function optional(path) {
  try {
    return await json(path);
  } catch (error) {
    if (error.status === 404) {
      return null;
    }
    throw error;
  }
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    providers = await json('/providers');
    renderInstanceChoice();
    const [usage, files] = await Promise.all([optional('/usage'), optional('/files')]);
    renderProviders(usage);
    if (usage) {
      renderChart(usage.activity);
      renderTotals(usage);
    }
    renderFiles(files);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (error) {
    status.textContent = 'cannot reach Dragoman: ' + error.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('translate-form').addEventListener('submit', translateAll);
  refresh();
  setInterval(refresh, REFRESH_MS);
});
