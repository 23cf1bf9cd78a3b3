// The planner's page. It only reads the API with fetch() and builds every element with createElement and
// textContent, never markup, so nothing from the data (employee ids, census rows, reasons) can run as
// script; the page's policy allows scripts from this server only. The API key stays in this tab's
// sessionStorage and goes out only in the X-API-Key header to this server.
'use strict';

const KEY_STORE = 'planwise-key';
const VIEWS = ['rollforward', 'payroll', 'fan', 'compare', 'plan-actual', 'quality', 'employee'];

/** The ensemble metrics of /bands, each with the per-year summary column trial 0 is read from. */
const METRICS = [
  { name: 'ending_headcount', label: 'Ending headcount', summary: 'ending_headcount', money: false, stock: true, noun: 'employees' },
  { name: 'hires', label: 'Hires', summary: 'hires', money: false, noun: 'hires' },
  { name: 'experienced_terminations', label: 'Experienced terminations', summary: 'experienced_terminations', money: false, noun: 'experienced terminations' },
  { name: 'new_hire_terminations', label: 'New-hire terminations', summary: 'new_hire_terminations', money: false, noun: 'new-hire terminations' },
  { name: 'rif_terminations', label: 'RIF terminations', summary: 'rif_terminations', money: false, noun: 'RIF terminations' },
  { name: 'promotions', label: 'Promotions', summary: 'promotions', money: false, noun: 'promotions' },
  { name: 'ending_total_compensation', label: 'Ending total compensation', summary: 'ending_total_compensation', money: true, stock: true, noun: 'of total compensation' },
  { name: 'prorated_compensation_cost', label: 'Prorated compensation cost', summary: 'prorated_compensation_cost', money: true, noun: 'of prorated compensation cost' },
];

const COLORS = { start: '#4c6a92', hires: '#5aa469', end: '#1d3557', experienced: '#e07a5f', newHire: '#f2a65a', rif: '#b23a48',
  payroll: '#1d3557', cost: '#e07a5f', band95: 'rgba(76,106,146,0.15)', band75: 'rgba(76,106,146,0.32)', p50: '#1d3557',
  trial0: '#d1495b', projected: '#1d3557', actual: '#d1495b' };
const SCENARIO_COLORS = ['#1d3557', '#d1495b', '#5aa469', '#f2a65a'];

/** Columns shown as plain numbers: years, ids and positions are not quantities. */
/** Free-text columns that may break anywhere (paths, raw census lines) rather than widen the table. */
const LONG_TEXT = new Set(['source', 'detail', 'raw_row']);
const PLAIN = new Set(['simulation_year', 'year', 'trial', 'level_id', 'previous_level_id', 'row_number', 'event_sequence']);

const format = {
  count: new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }),
  money: new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  moneyWhole: new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }),
  moneyCompact: new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }),
  compact: new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }),
  decimal: new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }),
  plain: new Intl.NumberFormat(undefined, { useGrouping: false, maximumFractionDigits: 0 }),
  percent: new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }),
  month: new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }),
};

const state = {
  scenarios: [],
  scenario: null,
  view: 'rollforward',
  by: 'year',
  loaded: {},
  tokens: {},
  compareOrder: [],
  issues: { offset: 0, limit: 100 },
};

/** What each chart was drawn from: the arrays handed to uPlot, by chart id (read by the browser tests). */
window.planwise = { charts: {}, state };
const plots = {};

class KeyNeeded extends Error {
  constructor() { super('This server needs an API key: enter it above.'); }
}

// ------------------------------------------------------------------------------------------------
// The API

function requestHeaders() {
  const h = { Accept: 'application/json' };
  const key = sessionStorage.getItem(KEY_STORE);
  if (key) h['X-API-Key'] = key;
  return h;
}

async function fetchApi(path) {
  const response = await fetch(path, { headers: requestHeaders(), cache: 'no-cache' });
  if (response.status === 401) {
    askForKey(sessionStorage.getItem(KEY_STORE) !== null);
    throw new KeyNeeded();
  }
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try { detail = (await response.json()).error || detail; } catch (e) { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response;
}

async function api(path) {
  return (await fetchApi(path)).json();
}

function scenarioPath(rest) {
  return '/api/v1/scenarios/' + encodeURIComponent(state.scenario) + rest;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

function withFormat(path, fmt) {
  return path + (path.includes('?') ? '&' : '?') + 'format=' + fmt;
}

/** Downloads an answer as a file, with the key in the header (a plain link could not send it). */
async function download(path, fmt) {
  const response = await fetchApi(withFormat(path, fmt));
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="([^"]+)"/.exec(disposition);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = named ? named[1] : 'planwise.' + fmt;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** CSV and Excel buttons for the table an answer path gives; pathOf() is read at click time. */
function downloadButtons(containerId, pathOf) {
  const box = document.getElementById(containerId);
  box.replaceChildren();
  for (const [fmt, label] of [['csv', 'CSV'], ['xlsx', 'Excel']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = 'download-' + fmt;
    b.title = 'Download this table as ' + label;
    b.addEventListener('click', () => download(pathOf(), fmt).catch(showError));
    box.appendChild(b);
  }
}

// ------------------------------------------------------------------------------------------------
// Text, numbers and tables

function say(text) {
  document.getElementById('message').textContent = text || '';
}

function showError(e) {
  say(e instanceof KeyNeeded ? e.message : 'Error: ' + e.message);
}

function note(id, text, warning) {
  const el = document.getElementById(id);
  el.textContent = text || '';
  el.classList.toggle('warning', !!warning);
}

function isNumericType(type) {
  return /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|DOUBLE|FLOAT|REAL|DECIMAL)/.test(type || '');
}

function formatValue(value, column) {
  if (value === null || value === undefined) return '';
  const type = column.type || '';
  if (type === 'BOOLEAN') return value ? 'yes' : 'no';
  if (!isNumericType(type) || typeof value !== 'number') return String(value);
  if (PLAIN.has(column.name)) return format.plain.format(value);
  if (type.startsWith('DECIMAL')) return format.money.format(value);
  if (type === 'DOUBLE' || type === 'FLOAT' || type === 'REAL') return format.decimal.format(value);
  return format.count.format(value);
}

function label(name) {
  return name.replaceAll('_', ' ');
}

/**
 * Fills a table: columns [{name, type, label?}], rows as objects. Every cell is a text node.
 * rowClass(row) may name a class for the row, onRow(row) makes rows clickable.
 */
function fillTable(table, columns, rows, options) {
  const opts = options || {};
  const thead = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const c of columns) {
    const th = document.createElement('th');
    th.textContent = c.label || label(c.name);
    th.scope = 'col';
    if (isNumericType(c.type)) th.className = 'number';
    hr.appendChild(th);
  }
  thead.appendChild(hr);
  const tbody = document.createElement('tbody');
  for (const r of rows) {
    const tr = document.createElement('tr');
    const cls = opts.rowClass ? opts.rowClass(r) : null;
    if (cls) tr.className = cls;
    if (opts.onRow) {
      tr.classList.add('selectable');
      tr.tabIndex = 0;
      tr.addEventListener('click', () => opts.onRow(r));
      tr.addEventListener('keydown', e => { if (e.key === 'Enter') opts.onRow(r); });
    }
    for (const c of columns) {
      const td = document.createElement('td');
      const v = r[c.name];
      td.textContent = formatValue(v, c);
      if (isNumericType(c.type)) {
        td.className = 'number';
        if (typeof v === 'number' && v < 0) td.classList.add('negative');
      } else if (/^(DATE|TIMESTAMP)/.test(c.type || '')) {
        td.className = 'date';
      } else {
        td.className = LONG_TEXT.has(c.name) ? 'text long' : 'text';
      }
      td.dataset.column = c.name;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = Math.max(1, columns.length);
    td.textContent = 'No rows.';
    tr.appendChild(td);
    tbody.appendChild(tr);
  }
  table.replaceChildren(thead, tbody);
}

function option(select, value, text) {
  const o = document.createElement('option');
  o.value = String(value);
  o.textContent = text === undefined ? String(value) : text;
  select.appendChild(o);
  return o;
}

function years() {
  const s = state.scenarios.find(x => x.scenario_id === state.scenario);
  const out = [];
  if (s && s.first_year !== null) for (let y = s.first_year; y <= s.last_year; y++) out.push(y);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Charts

function contentWidth(el) {
  const style = getComputedStyle(el);
  return Math.floor(el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
}

const chartResize = new ResizeObserver(entries => {
  for (const entry of entries) {
    const plot = plots[entry.target.id];
    const width = contentWidth(entry.target);
    if (plot && width > 50 && Math.abs(plot.width - width) > 1) plot.setSize({ width, height: plot.height });
  }
});

/** Every visible chart to its container's width (a window resize, a tab shown again). */
function fitCharts() {
  for (const p of Object.values(plots)) {
    const w = contentWidth(p.root.parentElement);
    if (w > 50 && Math.abs(p.width - w) > 1) p.setSize({ width: w, height: p.height });
  }
}

/**
 * Draws a chart into a container and records what it was drawn from: x and the named series, the very
 * arrays uPlot gets (plus, for stacked bars, the unstacked figures they were added up from).
 */
function draw(containerId, opts, data, exposed) {
  const container = document.getElementById(containerId);
  if (plots[containerId]) plots[containerId].destroy();
  const width = Math.max(300, contentWidth(container));
  const plot = new uPlot(Object.assign({ width, height: 300 }, opts), data, container);
  plots[containerId] = plot;
  chartResize.observe(container);
  const series = {};
  opts.series.forEach((s, i) => { if (i > 0) series[s.key || s.label] = data[i]; });
  window.planwise.charts[containerId.replace(/^chart-/, '')] = Object.assign({ x: data[0], series }, exposed || {});
  return plot;
}

function yearAxis(values) {
  return {
    splits: () => values,
    values: (u, splits) => splits.map(v => format.plain.format(v)),
  };
}

function valueAxis(money, labelText) {
  return {
    label: labelText,
    size: 80,
    values: (u, splits) => splits.map(v => (money ? format.moneyCompact : format.compact).format(v)),
  };
}

function legendValue(money) {
  return (u, v) => (v === null || v === undefined ? '–' : (money ? format.moneyWhole : format.count).format(v));
}

/** A line series; key is the name the drawn data is recorded under, the legend shows it in words. */
function line(key, color, money, extra) {
  return Object.assign({ key, label: label(key), stroke: color, width: 2, points: { size: 6 }, value: legendValue(money) }, extra || {});
}

// ------------------------------------------------------------------------------------------------
// Views

/** Runs a view's loader once per scenario; stale answers (the scenario changed meanwhile) are dropped. */
async function show(view) {
  if (!VIEWS.includes(view)) view = 'rollforward';
  state.view = view;
  for (const v of VIEWS) {
    document.getElementById('view-' + v).hidden = v !== view;
    document.getElementById('tab-' + v).setAttribute('aria-selected', String(v === view));
  }
  writeHash();
  if (!state.scenario) return;
  const section = document.getElementById('view-' + view);
  if (state.loaded[view] === state.scenario && section.dataset.state === 'ready') {
    fitCharts();
    return;
  }
  await load(view);
}

async function load(view) {
  const section = document.getElementById('view-' + view);
  const token = (state.tokens[view] || 0) + 1;
  state.tokens[view] = token;
  const scenario = state.scenario;
  section.dataset.state = 'loading';
  section.dataset.scenario = scenario;
  const current = () => state.tokens[view] === token && state.scenario === scenario;
  try {
    await LOADERS[view](current);
    if (!current()) return;
    state.loaded[view] = scenario;
    section.dataset.state = 'ready';
    say('');
  } catch (e) {
    if (!current()) return;
    section.dataset.state = 'error';
    showError(e);
  }
}

async function loadRollForward(current) {
  const body = await api(scenarioPath('/summary' + query({ by: 'year' })));
  if (!current()) return;
  const rows = body.rows;
  const x = rows.map(r => r.simulation_year);
  const raw = {};
  for (const c of ['starting_headcount', 'hires', 'experienced_terminations', 'new_hire_terminations', 'rif_terminations', 'ending_headcount']) {
    raw[c] = rows.map(r => r[c]);
  }
  const add = (...cs) => x.map((_, i) => cs.reduce((sum, c) => sum + (raw[c][i] || 0), 0));
  // Stacked by drawing each running total over the taller ones: left bar in, right bar out.
  const stacked = [
    ['hires', COLORS.hires, add('starting_headcount', 'hires'), raw.hires, -1],
    ['starting headcount', COLORS.start, raw.starting_headcount, raw.starting_headcount, -1],
    ['RIF terminations', COLORS.rif, add('ending_headcount', 'experienced_terminations', 'new_hire_terminations', 'rif_terminations'), raw.rif_terminations, 1],
    ['new-hire terminations', COLORS.newHire, add('ending_headcount', 'experienced_terminations', 'new_hire_terminations'), raw.new_hire_terminations, 1],
    ['experienced terminations', COLORS.experienced, add('ending_headcount', 'experienced_terminations'), raw.experienced_terminations, 1],
    ['ending headcount', COLORS.end, raw.ending_headcount, raw.ending_headcount, 1],
  ];
  const series = [{ label: 'year', value: (u, v) => (v === null ? '–' : format.plain.format(v)) }];
  for (const [name, color, values, own, align] of stacked) {
    series.push({
      label: name, fill: color, stroke: color, width: 0,
      paths: uPlot.paths.bars({ size: [0.4, 90], align, gap: 2 }),
      points: { show: false },
      value: (u, v, si, i) => (i === null || i === undefined || own[i] === null ? '–' : format.count.format(own[i])),
    });
  }
  const drawn = stacked.map(s => s[2]);
  const stackedByName = {};
  stacked.forEach(s => { stackedByName[s[0]] = s[2]; });
  draw('chart-rollforward', {
    series,
    scales: { x: { time: false, range: (u, min, max) => [min - 0.6, max + 0.6] }, y: { range: (u, min, max) => [0, max * 1.05] } },
    axes: [yearAxis(x), valueAxis(false, 'employees')],
    legend: { live: true },
  }, [x, ...drawn], { series: raw, stacked: stackedByName });
  await loadRollForwardTable(current);
}

async function loadRollForwardTable(current) {
  const path = scenarioPath('/summary' + query({ by: state.by }));
  const body = await api(path);
  if (!current()) return;
  const columns = body.columns.filter(c => c.name !== 'trial');
  fillTable(document.getElementById('table-rollforward'), columns, body.rows);
  downloadButtons('downloads-rollforward', () => scenarioPath('/summary' + query({ by: state.by })));
}

async function loadPayroll(current) {
  const path = scenarioPath('/summary' + query({ by: 'year' }));
  const body = await api(path);
  if (!current()) return;
  const x = body.rows.map(r => r.simulation_year);
  const payroll = body.rows.map(r => r.ending_total_compensation);
  const cost = body.rows.map(r => r.prorated_compensation_cost);
  draw('chart-payroll', {
    series: [{ label: 'year', value: (u, v) => (v === null ? '–' : format.plain.format(v)) },
      line('ending_total_compensation', COLORS.payroll, true), line('prorated_compensation_cost', COLORS.cost, true)],
    scales: { x: { time: false, range: (u, min, max) => [min - 0.2, max + 0.2] } },
    axes: [yearAxis(x), valueAxis(true, 'dollars')],
  }, [x, payroll, cost]);
  const columns = body.columns.filter(c => ['simulation_year', 'ending_headcount', 'ending_total_compensation',
    'ending_avg_compensation', 'prorated_compensation_cost'].includes(c.name));
  fillTable(document.getElementById('table-payroll'), columns, body.rows);
  downloadButtons('downloads-payroll', () => path);
}

function metric() {
  const name = document.getElementById('fan-metric').value;
  return METRICS.find(m => m.name === name) || METRICS[0];
}

async function loadFan(current) {
  const m = metric();
  const bandsPath = scenarioPath('/bands' + query({ metric: m.name, level: 'all' }));
  const [bands, trial0] = await Promise.all([api(bandsPath), api(scenarioPath('/summary' + query({ by: 'year', trial: 0 })))]);
  if (!current()) return;
  const rows = bands.rows;
  const x = rows.map(r => r.simulation_year);
  const pick = k => rows.map(r => (r[k] === null || r[k] === undefined ? null : r[k]));
  const byYear = new Map(trial0.rows.map(r => [r.simulation_year, r[m.summary]]));
  const t0 = x.map(y => (byYear.has(y) ? byYear.get(y) : null));
  const sufficient = rows.length > 0 && rows.every(r => r.is_sufficient);
  const trials = rows.length ? Math.max(...rows.map(r => r.n_trials)) : 0;
  if (rows.length === 0) {
    note('fan-note', 'This run has no ensemble bands for ' + m.label.toLowerCase() + '.', true);
  } else if (!sufficient) {
    note('fan-note', 'Not enough trials for bands: this run has ' + format.count.format(trials) + ' trial'
      + (trials === 1 ? '' : 's') + ', too few for percentiles. Only trial 0 is drawn.', true);
  } else {
    note('fan-note', format.count.format(trials) + ' trials. Bands: P5–P95 (light), P25–P75 (dark); line: P50; red: trial 0.');
  }
  const money = m.money;
  const band = color => ({ stroke: color, width: 1, points: { show: false }, value: legendValue(money) });
  draw('chart-fan', {
    series: [{ label: 'year', value: (u, v) => (v === null ? '–' : format.plain.format(v)) },
      Object.assign({ label: 'p95' }, band('rgba(76,106,146,0.5)')),
      Object.assign({ label: 'p5' }, band('rgba(76,106,146,0.5)')),
      Object.assign({ label: 'p75' }, band('rgba(76,106,146,0.7)')),
      Object.assign({ label: 'p25' }, band('rgba(76,106,146,0.7)')),
      line('p50', COLORS.p50, money),
      line('trial 0', COLORS.trial0, money, { dash: [6, 4] })],
    bands: [{ series: [1, 2], fill: COLORS.band95 }, { series: [3, 4], fill: COLORS.band75 }],
    scales: { x: { time: false, range: (u, min, max) => [min - 0.2, max + 0.2] } },
    axes: [yearAxis(x), valueAxis(money, m.label.toLowerCase())],
  }, [x, pick('p95'), pick('p5'), pick('p75'), pick('p25'), pick('p50'), t0]);

  const columns = [{ name: 'simulation_year', type: 'INTEGER', label: 'year' }, { name: 'n_trials', type: 'INTEGER', label: 'trials' },
    { name: 'is_sufficient', type: 'BOOLEAN', label: 'bands' }];
  const valueType = money ? 'DECIMAL' : 'BIGINT';
  for (const k of ['p5', 'p25', 'p50', 'p75', 'p95', 'mean']) columns.push({ name: k, type: valueType });
  columns.push({ name: 'trial0', type: valueType, label: 'trial 0' });
  fillTable(document.getElementById('table-fan'), columns, rows.map((r, i) => Object.assign({}, r, { trial0: t0[i] })));
  downloadButtons('downloads-fan', () => bandsPath);

  const yearSelect = document.getElementById('exceedance-year');
  const previous = Number(yearSelect.value);
  yearSelect.replaceChildren();
  for (const y of x) option(yearSelect, y);
  yearSelect.value = String(x.includes(previous) ? previous : x[x.length - 1]);
  const input = document.getElementById('exceedance-threshold');
  const at = x.indexOf(Number(yearSelect.value));
  const middle = at < 0 ? null : (rows[at].p50 !== null ? rows[at].p50 : t0[at]);
  if (input.dataset.metric !== m.name || input.value === '') {
    input.value = middle === null ? '' : String(money ? Math.round(middle / 1000) * 1000 : Math.round(middle));
    input.dataset.metric = m.name;
  }
  if (x.length > 0 && input.value !== '') await exceedance(current);
  else document.getElementById('exceedance-sentence').textContent = '';
}

async function exceedance(current) {
  const m = metric();
  const year = document.getElementById('exceedance-year').value;
  const direction = document.getElementById('exceedance-direction').value;
  const threshold = document.getElementById('exceedance-threshold').value;
  const out = document.getElementById('exceedance-sentence');
  if (threshold === '' || !Number.isFinite(Number(threshold))) {
    out.textContent = 'Type a threshold.';
    return;
  }
  out.dataset.state = 'loading';
  const params = { metric: m.name, year, level: 'all' };
  params[direction] = threshold;
  const body = await api(scenarioPath('/bands/exceedance' + query(params)));
  if (current && !current()) return;
  out.textContent = exceedanceSentence(m, body);
  out.dataset.trialsBeyond = String(body.trials_beyond);
  out.dataset.trials = String(body.n_trials);
  out.dataset.state = 'ready';
}

/** "In 2028, 12% of trials (3 of 25) end above 7,000 employees." */
function exceedanceSentence(m, body) {
  const n = body.n_trials;
  if (!n) return 'In ' + body.year + ' the run has no trials to count.';
  const amount = m.money ? format.moneyWhole.format(body.threshold) : format.count.format(body.threshold);
  const above = body.direction === 'above';
  let phrase;
  if (m.stock) phrase = (above ? 'end above ' : 'end below ') + amount + ' ' + m.noun;
  else if (m.money) phrase = 'have ' + (above ? 'more than ' : 'less than ') + amount + ' ' + m.noun;
  else phrase = 'have ' + (above ? 'more than ' : 'fewer than ') + amount + ' ' + m.noun;
  let text = 'In ' + body.year + ', ' + format.percent.format(body.share) + ' of trials (' + format.count.format(body.trials_beyond)
    + ' of ' + format.count.format(n) + ') ' + phrase + '.';
  if (n < 2) text += ' (One trial only: this is not a probability.)';
  return text;
}

function compareChoices() {
  const box = document.getElementById('compare-choices');
  const legend = box.querySelector('legend');
  box.replaceChildren(legend);
  const ids = state.scenarios.map(s => s.scenario_id);
  state.compareOrder = state.compareOrder.filter(id => ids.includes(id));
  if (state.compareOrder.length < 2) {
    state.compareOrder = [state.scenario, ...ids.filter(id => id !== state.scenario)].slice(0, 2);
  }
  for (const id of ids) {
    const l = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = id;
    input.checked = state.compareOrder.includes(id);
    input.addEventListener('change', () => {
      if (input.checked) {
        if (state.compareOrder.length >= 4) {
          input.checked = false;
          note('compare-note', 'At most 4 scenarios at once.', true);
          return;
        }
        state.compareOrder.push(id);
      } else {
        state.compareOrder = state.compareOrder.filter(x => x !== id);
      }
      load('compare');
    });
    l.appendChild(input);
    l.appendChild(document.createTextNode(' ' + id));
    box.appendChild(l);
  }
}

async function loadCompare(current) {
  if (!document.querySelector('#compare-choices input')) compareChoices();
  const ids = state.compareOrder.slice();
  if (ids.length < 2) {
    note('compare-note', state.scenarios.length < 2 ? 'Only one scenario is visible: nothing to compare.'
      : 'Choose at least 2 scenarios.', true);
    return;
  }
  const path = '/api/v1/compare' + query({ scenarios: ids.join(',') });
  const body = await api(path);
  if (!current()) return;
  note('compare-note', 'Baseline: ' + body.baseline + '. Differences are each scenario minus the baseline (trial 0).');
  const x = [...new Set(body.rows.map(r => r.simulation_year))].sort((a, b) => a - b);
  const figure = (id, k) => x.map(y => {
    const r = body.rows.find(row => row.simulation_year === y && row.scenario_id === id);
    return r && r[k] !== null && r[k] !== undefined ? r[k] : null;
  });
  const lines = (k, money) => ids.map((id, i) => line(id, SCENARIO_COLORS[i % SCENARIO_COLORS.length], money, { label: id }));
  const yearSeries = { label: 'year', value: (u, v) => (v === null ? '–' : format.plain.format(v)) };
  const xScale = { time: false, range: (u, min, max) => [min - 0.2, max + 0.2] };
  draw('chart-compare-headcount', {
    title: 'Ending workforce', series: [yearSeries, ...lines('ending_workforce', false)],
    scales: { x: xScale }, axes: [yearAxis(x), valueAxis(false, 'employees')],
  }, [x, ...ids.map(id => figure(id, 'ending_workforce'))], { scenarios: ids });
  draw('chart-compare-cost', {
    title: 'Ending total compensation', series: [yearSeries, ...lines('ending_total_compensation', true)],
    scales: { x: xScale }, axes: [yearAxis(x), valueAxis(true, 'dollars')],
  }, [x, ...ids.map(id => figure(id, 'ending_total_compensation'))], { scenarios: ids });
  const wanted = ['simulation_year', 'scenario_id', 'ending_workforce', 'ending_workforce_diff', 'hires', 'hires_diff',
    'experienced_terminations', 'experienced_terminations_diff', 'ending_total_compensation', 'ending_total_compensation_diff',
    'prorated_compensation_cost', 'prorated_compensation_cost_diff'];
  const columns = wanted.map(n => body.columns.find(c => c.name === n)).filter(c => c)
    .map(c => Object.assign({}, c, { label: label(c.name).replace(/ diff$/, ' Δ') }));
  fillTable(document.getElementById('table-compare'), columns, body.rows);
  downloadButtons('downloads-compare', () => path);
}

async function loadPlanActual(current) {
  const select = document.getElementById('plan-actual-year');
  const ys = years();
  const previous = Number(select.value);
  select.replaceChildren();
  for (const y of ys) option(select, y);
  if (ys.length === 0) {
    note('plan-actual-note', 'This run has no projected years.', true);
    return;
  }
  select.value = String(ys.includes(previous) ? previous : ys[0]);
  const path = scenarioPath('/plan-vs-actual' + query({ year: select.value, trial: 0 }));
  const body = await api(path);
  if (!current()) return;
  // Trial 0 per month, all levels together: sums of the levels' figures (actual ones where any level has them).
  const months = [];
  const byMonth = new Map();
  const figures = ['projected_headcount', 'actual_headcount', 'headcount_variance', 'projected_hires', 'actual_hires',
    'projected_terminations', 'actual_terminations', 'projected_payroll', 'actual_payroll', 'payroll_variance'];
  for (const r of body.rows) {
    let m = byMonth.get(r.month);
    if (!m) {
      m = { month: r.month };
      for (const f of figures) m[f] = null;
      byMonth.set(r.month, m);
      months.push(m);
    }
    for (const f of figures) if (r[f] !== null && r[f] !== undefined) m[f] = (m[f] || 0) + r[f];
  }
  months.sort((a, b) => (a.month < b.month ? -1 : 1));
  const x = months.map(m => Number(m.month.slice(5, 7)));
  const monthName = n => format.month.format(new Date(Date.UTC(2000, n - 1, 1)));
  if (body.actuals_through === null || body.actuals_through === undefined) {
    note('plan-actual-note', body.actuals_files === 0
      ? 'No actuals yet: the actuals job has not committed any month. The plan alone is shown.'
      : 'No actuals yet for ' + body.year + ': no committed month falls in this year. The plan alone is shown.', true);
  } else {
    note('plan-actual-note', 'Actuals through ' + monthName(Number(body.actuals_through.slice(5, 7))) + ' '
      + body.actuals_through.slice(0, 4) + ' (' + format.count.format(body.actuals_files) + ' committed file'
      + (body.actuals_files === 1 ? '' : 's') + '); trial 0 of the plan, all levels.');
  }
  draw('chart-plan-actual', {
    series: [{ label: 'month', value: (u, v) => (v === null ? '–' : monthName(v)) },
      line('projected_headcount', COLORS.projected, false), line('actual_headcount', COLORS.actual, false)],
    scales: { x: { time: false, range: () => [0.7, 12.3] } },
    axes: [{ splits: () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], values: (u, s) => s.map(monthName) },
      valueAxis(false, 'employees')],
  }, [x, months.map(m => m.projected_headcount), months.map(m => m.actual_headcount)]);
  const columns = [{ name: 'month', type: 'DATE' }];
  for (const f of figures) columns.push({ name: f, type: f.endsWith('payroll') || f === 'payroll_variance' ? 'DECIMAL' : 'BIGINT' });
  fillTable(document.getElementById('table-plan-actual'), columns, months);
  downloadButtons('downloads-plan-actual', () => path);
}

function issueFilters() {
  return { severity: document.getElementById('issues-severity').value, reason: document.getElementById('issues-reason').value };
}

function issuesPath(extra) {
  return scenarioPath('/census-issues' + query(Object.assign(issueFilters(), extra || {})));
}

function fillFilter(select, values) {
  const keep = select.value;
  select.replaceChildren();
  option(select, '', 'all');
  for (const v of values) option(select, v);
  select.value = values.includes(keep) ? keep : '';
}

async function loadQuality(current) {
  // Every group once, unfiltered, for the filter choices and the counts by reason.
  const all = await api(scenarioPath('/census-issues' + query({ limit: 0 })));
  if (!current()) return;
  const counts = all.counts || [];
  fillFilter(document.getElementById('issues-severity'), [...new Set(counts.map(c => c.severity))].sort());
  fillFilter(document.getElementById('issues-reason'), [...new Set(counts.map(c => c.reason))].sort());
  const rejected = counts.filter(c => c.severity === 'reject').reduce((s, c) => s + c.rows, 0);
  note('issues-note', all.total === 0 ? 'No census issues: every census row was read as it is.'
    : format.count.format(all.total) + ' census issue' + (all.total === 1 ? '' : 's') + ' in this run'
      + (rejected ? ' (' + format.count.format(rejected) + ' rejected)' : '') + '. Click a reason to see its rows.');
  fillTable(document.getElementById('table-issue-counts'),
    [{ name: 'severity', type: 'VARCHAR' }, { name: 'reason', type: 'VARCHAR' }, { name: 'rows', type: 'BIGINT' }], counts, {
      onRow: r => {
        document.getElementById('issues-severity').value = r.severity;
        document.getElementById('issues-reason').value = r.reason;
        state.issues.offset = 0;
        loadIssueRows().catch(showError);
      },
    });
  state.issues.offset = 0;
  await Promise.all([loadIssueRows(current), loadChecks(current)]);
}

async function loadIssueRows(current) {
  const section = document.getElementById('table-issues');
  section.dataset.state = 'loading';
  const body = await api(issuesPath({ limit: state.issues.limit, offset: state.issues.offset }));
  if (current && !current()) return;
  const columns = body.columns.filter(c => c.name !== 'scenario_id');
  fillTable(section, columns, body.rows);
  section.dataset.state = 'ready';
  downloadButtons('downloads-issues', () => issuesPath({ limit: 10000 }));
  const pager = document.getElementById('pager-issues');
  pager.replaceChildren();
  if (body.total > 0) {
    const from = body.offset + 1;
    const to = body.offset + body.rows.length;
    const text = document.createElement('span');
    text.textContent = 'Rows ' + format.count.format(from) + '–' + format.count.format(to) + ' of ' + format.count.format(body.total);
    const prev = document.createElement('button');
    prev.type = 'button';
    prev.textContent = 'Previous';
    prev.disabled = body.offset === 0;
    prev.addEventListener('click', () => { state.issues.offset = Math.max(0, body.offset - body.limit); loadIssueRows().catch(showError); });
    const next = document.createElement('button');
    next.type = 'button';
    next.textContent = 'Next';
    next.disabled = !body.truncated;
    next.addEventListener('click', () => { state.issues.offset = body.offset + body.limit; loadIssueRows().catch(showError); });
    pager.append(prev, text, next);
  }
}

function checksPath(extra) {
  const failedOnly = document.getElementById('checks-failed-only').checked;
  return scenarioPath('/checks' + query(Object.assign({ passed: failedOnly ? 'false' : '' }, extra || {})));
}

async function loadChecks(current) {
  const table = document.getElementById('table-checks');
  table.dataset.state = 'loading';
  const body = await api(checksPath({ limit: 10000 }));
  if (current && !current()) return;
  const counts = body.counts || [];
  const failed = counts.filter(c => c.passed === false).reduce((s, c) => s + c.rows, 0);
  const failedNames = [...new Set(counts.filter(c => c.passed === false).map(c => c.check_name))];
  note('checks-note', body.total === 0 ? 'No checks match.'
    : failed === 0 ? 'All ' + format.count.format(body.total) + ' check results passed.'
      : format.count.format(failed) + ' of ' + format.count.format(body.total) + ' check results failed: ' + failedNames.join(', ') + '.',
  failed > 0);
  // Failed first, then by year and name.
  const rows = body.rows.slice().sort((a, b) => (a.passed === b.passed ? 0 : a.passed ? 1 : -1)
    || ((a.simulation_year || 0) - (b.simulation_year || 0)) || String(a.check_name).localeCompare(String(b.check_name)));
  fillTable(table, body.columns.filter(c => c.name !== 'scenario_id'), rows, { rowClass: r => (r.passed === false ? 'failed' : null) });
  table.dataset.state = 'ready';
  downloadButtons('downloads-checks', () => checksPath({ limit: 10000 }));
}

async function loadEmployee() {
  // Nothing to fetch until an id is typed; a new scenario clears the last answer.
  document.getElementById('employee-result').hidden = true;
  note('employee-note', 'Type an employee id and press Enter.');
}

async function lookUpEmployee() {
  const id = document.getElementById('employee-id').value.trim();
  const section = document.getElementById('view-employee');
  const result = document.getElementById('employee-result');
  if (!id) return;
  section.dataset.state = 'loading';
  result.hidden = true;
  try {
    const body = await api(scenarioPath('/employees/' + encodeURIComponent(id)));
    const cols = rows => (rows.length ? Object.keys(rows[0]).map(name => ({ name, type: typeof rows[0][name] === 'number' ? 'BIGINT' : 'VARCHAR' })) : []);
    // Types from the values: the history answer has no column list; money keeps its cents.
    const typed = rows => cols(rows).map(c => (/compensation|amount/.test(c.name) ? Object.assign(c, { type: 'DECIMAL' }) : c));
    fillTable(document.getElementById('table-employee-snapshots'), typed(body.snapshots), body.snapshots);
    fillTable(document.getElementById('table-employee-events'), typed(body.events), body.events);
    note('employee-note', 'Employee ' + body.employee_id + ' in ' + body.scenario_id + ': ' + format.count.format(body.snapshots.length)
      + ' year-end snapshot' + (body.snapshots.length === 1 ? '' : 's') + ', ' + format.count.format(body.events.length) + ' event'
      + (body.events.length === 1 ? '' : 's') + '.');
    result.hidden = false;
    section.dataset.state = 'ready';
  } catch (e) {
    section.dataset.state = 'ready';
    if (e.status === 404) note('employee-note', 'No employee with the id “' + id + '” in scenario ' + state.scenario + '.', true);
    else if (e.status === 400) note('employee-note', e.message, true);
    else throw e;
  }
}

const LOADERS = {
  rollforward: loadRollForward,
  payroll: loadPayroll,
  fan: loadFan,
  compare: loadCompare,
  'plan-actual': loadPlanActual,
  quality: loadQuality,
  employee: loadEmployee,
};

// ------------------------------------------------------------------------------------------------
// Scenarios, the key and the address

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  return { view: p.get('view'), scenario: p.get('scenario') };
}

function writeHash() {
  const p = new URLSearchParams();
  p.set('view', state.view);
  if (state.scenario) p.set('scenario', state.scenario);
  history.replaceState(null, '', '#' + p.toString());
}

async function loadScenarios() {
  const body = await api('/api/v1/scenarios');
  state.scenarios = body.rows;
  const select = document.getElementById('scenario');
  select.replaceChildren();
  for (const s of body.rows) option(select, s.scenario_id);
  select.disabled = body.rows.length === 0;
  document.getElementById('compare-choices').replaceChildren(document.querySelector('#compare-choices legend'));
  if (body.rows.length === 0) {
    say('No scenario is published (or none is visible with this key).');
    state.scenario = null;
    return;
  }
  const wanted = readHash().scenario;
  const ids = body.rows.map(s => s.scenario_id);
  state.scenario = ids.includes(state.scenario) ? state.scenario : ids.includes(wanted) ? wanted : ids[0];
  select.value = state.scenario;
  showRun();
}

function showRun() {
  const s = state.scenarios.find(x => x.scenario_id === state.scenario);
  document.getElementById('run').textContent = s ? 'run ' + s.run_id + ' · published ' + s.published_at
    + (s.first_year !== null ? ' · ' + s.first_year + '–' + s.last_year : '') : '';
}

function askForKey(refused) {
  const form = document.getElementById('key-form');
  form.hidden = false;
  if (refused) sessionStorage.removeItem(KEY_STORE);
  document.getElementById('key-message').textContent = refused ? 'That key was not accepted.' : '';
  document.getElementById('key').focus();
}

async function start() {
  try {
    await loadScenarios();
    say(state.scenario ? '' : document.getElementById('message').textContent);
    await show(state.view);
  } catch (e) {
    showError(e);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  window.addEventListener('resize', fitCharts);
  const metricSelect = document.getElementById('fan-metric');
  for (const m of METRICS) option(metricSelect, m.name, m.label);
  const wanted = readHash().view;
  if (VIEWS.includes(wanted)) state.view = wanted;

  document.getElementById('key-form').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('key');
    sessionStorage.setItem(KEY_STORE, input.value.trim());
    input.value = '';
    document.getElementById('key-form').hidden = true;
    state.loaded = {};
    start();
  });
  for (const b of document.querySelectorAll('#tabs button')) {
    b.addEventListener('click', () => show(b.dataset.view).catch(showError));
  }
  document.getElementById('scenario').addEventListener('change', event => {
    state.scenario = event.target.value;
    state.loaded = {};
    showRun();
    show(state.view).catch(showError);
  });
  for (const radio of document.querySelectorAll('input[name=by]')) {
    radio.addEventListener('change', () => {
      state.by = radio.value;
      loadRollForwardTable(() => true).catch(showError);
    });
  }
  metricSelect.addEventListener('change', () => load('fan'));
  document.getElementById('exceedance-form').addEventListener('submit', event => {
    event.preventDefault();
    exceedance().catch(showError);
  });
  document.getElementById('exceedance-year').addEventListener('change', () => exceedance().catch(showError));
  document.getElementById('exceedance-direction').addEventListener('change', () => exceedance().catch(showError));
  for (const id of ['issues-severity', 'issues-reason']) {
    document.getElementById(id).addEventListener('change', () => { state.issues.offset = 0; loadIssueRows().catch(showError); });
  }
  document.getElementById('checks-failed-only').addEventListener('change', () => loadChecks().catch(showError));
  document.getElementById('plan-actual-year').addEventListener('change', () => load('plan-actual'));
  document.getElementById('employee-form').addEventListener('submit', event => {
    event.preventDefault();
    lookUpEmployee().catch(showError);
  });
  start();
});
