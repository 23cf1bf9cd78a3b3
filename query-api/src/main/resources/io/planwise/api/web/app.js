// The page only reads the API with fetch() and writes text nodes (never HTML), so nothing from the
// data (employee ids, reasons from census files) can run as script. The key stays in this tab's
// sessionStorage and goes out only in the X-API-Key header to this server.
'use strict';

const state = { scenario: null, by: 'year' };

function headers(accept) {
  const h = { Accept: accept || 'application/json' };
  const key = sessionStorage.getItem('planwise-key');
  if (key) h['X-API-Key'] = key;
  return h;
}

function say(text) {
  document.getElementById('message').textContent = text || '';
}

async function api(path, accept) {
  const response = await fetch(path, { headers: headers(accept), cache: 'no-cache' });
  if (response.status === 401) {
    document.getElementById('key-form').hidden = false;
    throw new Error('This server needs an API key.');
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).error; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return accept === 'text/csv' ? response.blob() : response.json();
}

function cell(row, value, numeric) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (numeric) td.className = 'number';
  row.appendChild(td);
}

function formatNumber(value, type) {
  if (value === null || value === undefined) return '';
  if (type.startsWith('DECIMAL')) return Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (type === 'BIGINT') return Number(value).toLocaleString();
  return value;
}

async function loadScenarios() {
  const body = await api('/api/v1/scenarios');
  const tbody = document.querySelector('#scenarios tbody');
  tbody.replaceChildren();
  for (const s of body.rows) {
    const tr = document.createElement('tr');
    cell(tr, s.scenario_id);
    cell(tr, s.run_id);
    cell(tr, s.published_at);
    cell(tr, s.first_year === null ? '' : s.first_year + '–' + s.last_year);
    tr.addEventListener('click', () => select(s.scenario_id, tr));
    tbody.appendChild(tr);
  }
  if (body.rows.length === 0) say('No scenario is published (or none is visible with this key).');
  else if (!state.scenario) select(body.rows[0].scenario_id, tbody.firstChild);
}

function select(id, tr) {
  state.scenario = id;
  for (const row of document.querySelectorAll('#scenarios tbody tr')) row.classList.toggle('selected', row === tr);
  loadSummary().catch(e => say(e.message));
}

function summaryPath() {
  return '/api/v1/scenarios/' + encodeURIComponent(state.scenario) + '/summary?by=' + state.by;
}

async function loadSummary() {
  const body = await api(summaryPath());
  document.getElementById('summary-title').textContent = body.scenario_id + ' · run ' + body.run_id;
  const head = document.querySelector('#summary thead');
  const tbody = document.querySelector('#summary tbody');
  const hr = document.createElement('tr');
  const shown = body.columns.filter(c => c.name !== 'trial');
  for (const c of shown) {
    const th = document.createElement('th');
    th.textContent = c.name.replaceAll('_', ' ');
    hr.appendChild(th);
  }
  head.replaceChildren(hr);
  tbody.replaceChildren();
  for (const r of body.rows) {
    const tr = document.createElement('tr');
    for (const c of shown) {
      const numeric = c.type === 'BIGINT' || c.type.startsWith('DECIMAL');
      cell(tr, numeric ? formatNumber(r[c.name], c.type) : r[c.name], numeric);
    }
    tbody.appendChild(tr);
  }
  document.getElementById('summary-section').hidden = false;
  say('');
}

async function downloadCsv() {
  const blob = await api(summaryPath(), 'text/csv');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = state.scenario + '-summary-by-' + state.by + '.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('key-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem('planwise-key', document.getElementById('key').value);
    document.getElementById('key').value = '';
    state.scenario = null;
    loadScenarios().then(() => { document.getElementById('key-form').hidden = true; }).catch(e => say(e.message));
  });
  for (const radio of document.querySelectorAll('input[name=by]')) {
    radio.addEventListener('change', () => { state.by = radio.value; loadSummary().catch(e => say(e.message)); });
  }
  document.getElementById('csv').addEventListener('click', () => downloadCsv().catch(e => say(e.message)));
  loadScenarios().catch(e => say(e.message));
});
