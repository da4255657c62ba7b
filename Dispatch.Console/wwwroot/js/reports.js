// Health office: response-time report, charts, kelurahan map, heat map, exports, history import.
import { api, el, duration, startPage } from './common.js';
import { t } from './i18n.js';

const $ = selector => document.querySelector(selector);
const charts = {};
const triageColour = { merah: '#d32f2f', kuning: '#f9a825', hijau: '#2e7d32', hitam: '#212121' };
const fields = ['externalId', 'callReceived', 'callAnswered', 'incidentCreated', 'unitNotified', 'unitAcknowledged', 'enRoute', 'onScene',
  'leftScene', 'atDestination', 'handover', 'backInService', 'closed', 'triage', 'lat', 'lon', 'unit', 'complaint', 'category', 'source'];
let map, areas, shading;

const secs = v => (v === null || v === undefined ? '—' : duration(v));

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#filters'))) if (v) params.set(k, v);
  return params.toString();
}

function chart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart($(`#${id}`), { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
}

async function load(event) {
  event?.preventDefault();
  $('#report-error').textContent = '';
  const q = query();
  $('#export-csv').href = `/api/exports/incidents.csv?${q}`;
  $('#export-kemenkes-json').href = `/api/exports/kemenkes?${q}&format=json`;
  $('#export-kemenkes-csv').href = `/api/exports/kemenkes?${q}&format=csv`;
  let report;
  try {
    report = await api(`/api/reports/response-times?${q}`);
  } catch (e) {
    $('#report-error').textContent = e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : e.message;
    return;
  }
  renderSummary(report);
  renderIntervals(report);
  renderCharts(report);
  renderMap(report);
  renderHeatmap(report);
  document.body.dataset.loaded = 'true';
}

function renderSummary(r) {
  $('#summary').replaceChildren(el('div', { class: 'tile' }, t('incidentsTotal'), el('strong', {}, r.incidents)),
    ...Object.entries(r.compliance).map(([triage, c]) => el('div', { class: 'tile' }, t('compliance', { triage: t(triage) }),
      el('strong', {}, c.share === null ? t('noTarget') : `${Math.round(c.share * 100)}%`), el('span', { class: 'muted' }, `${c.onTarget}/${c.measured}`))));
}

function renderIntervals(r) {
  const head = ['intervals', 'count', 'invalid', 'mean', 'median', 'p90', 'p95', 'max'];
  $('#intervals').replaceChildren(el('thead', {}, el('tr', {}, ...head.map(h => el('th', {}, h.startsWith('p9') ? h.toUpperCase() : t(h))))),
    el('tbody', {}, ...Object.entries(r.intervals).map(([name, s]) => el('tr', {},
      el('td', {}, name), el('td', {}, s.count), el('td', {}, s.invalid), el('td', {}, secs(s.mean)), el('td', {}, secs(s.median)),
      el('td', {}, secs(s.p90)), el('td', {}, secs(s.p95)), el('td', {}, secs(s.max))))));
}

function renderCharts(r) {
  const bar = (id, data, colour) => chart(id, {
    type: 'bar', data: { labels: Object.keys(data), datasets: [{ data: Object.values(data), backgroundColor: colour }] },
    options: { plugins: { legend: { display: false } } },
  });
  bar('chart-source', r.volumes.callsBySource, '#1565c0');
  bar('chart-outcome', r.volumes.callsByOutcome, '#6a1b9a');
  const triages = Object.keys(r.volumes.incidentsByTriage);
  chart('chart-triage', { type: 'doughnut', data: { labels: triages.map(x => t(x)), datasets: [{ data: Object.values(r.volumes.incidentsByTriage), backgroundColor: triages.map(x => triageColour[x]) }] } });
  chart('chart-trend', {
    type: 'line',
    data: {
      labels: r.trend.map(m => m.month),
      datasets: [
        { label: t('incidentsTotal'), data: r.trend.map(m => m.incidents), borderColor: '#1565c0', yAxisID: 'y' },
        { label: `${t('median')} ${t('responseTime')} (min)`, data: r.trend.map(m => m.medianResponseSeconds === null ? null : m.medianResponseSeconds / 60), borderColor: '#d32f2f', yAxisID: 'y1' },
      ],
    },
    options: { scales: { y: { beginAtZero: true }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } },
  });
  chart('chart-units', {
    type: 'bar', data: { labels: r.units.map(u => u.callSign ?? `#${u.unitId}`), datasets: [{ label: t('incidentsTotal'), data: r.units.map(u => u.incidents), backgroundColor: '#00838f' }] },
    options: { plugins: { legend: { display: false } } },
  });
  $('#units-table').replaceChildren(el('thead', {}, el('tr', {}, el('th', {}, t('unit')), el('th', {}, t('incidentsTotal')), el('th', {}, t('busy')))),
    el('tbody', {}, ...r.units.map(u => el('tr', {}, el('td', {}, u.callSign ?? `#${u.unitId}`), el('td', {}, u.incidents), el('td', {}, duration(u.busySeconds))))));
}

// Green (fast) to red (slow) by median response, relative to the merah target of 10 minutes.
const shade = seconds => {
  if (seconds === null || seconds === undefined) return '#bdbdbd';
  const x = Math.min(1, seconds / 1800);
  return `hsl(${Math.round(120 * (1 - x))}, 70%, 45%)`;
};

function renderMap(r) {
  const byCode = new Map(r.byKelurahan.map(k => [k.code, k]));
  shading?.remove();
  shading = L.geoJSON(areas, {
    style: f => ({ color: '#37474f', weight: 1, fillOpacity: 0.65, fillColor: shade(byCode.get(f.properties.kode)?.medianResponseSeconds) }),
    onEachFeature: (f, layer) => {
      const k = byCode.get(f.properties.kode);
      layer.bindTooltip(el('span', {}, `${f.properties.nama}: ${k ? `${k.incidents} · ${t('median')} ${secs(k.medianResponseSeconds)}` : t('noData')}`));
    },
  }).addTo(map);
  $('#map-legend').textContent = `${t('median')} ${t('responseTime')}: 0:00 → 30:00 (${t('noData')}: abu-abu/grey)`;
}

function renderHeatmap(r) {
  const days = ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'];
  const counts = Array.from({ length: 7 }, () => Array(24).fill(0));
  for (const c of r.heatmap) counts[c.weekday][c.hour] = c.incidents;
  const max = Math.max(1, ...counts.flat());
  $('#heatmap').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}), ...Array.from({ length: 24 }, (_, h) => el('th', {}, h)))),
    el('tbody', {}, ...counts.map((row, d) => el('tr', {}, el('th', {}, days[d]), ...row.map(n => {
      const cell = el('td', { title: String(n) }, n || '');
      cell.style.background = `rgba(183, 28, 28, ${n / max})`;
      if (n / max > 0.5) cell.style.color = '#fff';
      return cell;
    })))));
}

// ---- import ------------------------------------------------------------------------------------

async function readHeader(file) {
  const first = (await file.slice(0, 64 * 1024).text()).split(/\r?\n/)[0];
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  return first.split(delimiter).map(h => h.replace(/^"|"$/g, '').trim());
}

async function showMapping() {
  const file = $('#import-file').files[0];
  if (!file) return;
  const headers = await readHeader(file);
  $('#mapping').replaceChildren(...headers.map(h => el('label', {}, h,
    el('select', { dataset: { header: h } }, el('option', { value: '' }, t('ignored')), ...fields.map(f => el('option', { value: f, selected: f.toLowerCase() === h.toLowerCase() }, f))))));
}

async function runImport(dryRun) {
  const file = $('#import-file').files[0];
  if (!file) return;
  const columns = {};
  document.querySelectorAll('#mapping select').forEach(s => { if (s.value) columns[s.dataset.header] = s.value; });
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', JSON.stringify({ columns, timeFormat: $('#time-format').value, timeZone: $('#time-zone').value }));
  try {
    const result = await api(`/api/imports/incidents?dryRun=${dryRun}`, { method: 'POST', form });
    $('#import-result').replaceChildren(
      el('p', {}, t('imported', { n: result.imported, s: result.skipped, r: result.rejected.length })),
      el('table', {}, el('tbody', {}, ...result.rejected.map(x => el('tr', {}, el('td', {}, `${t('line')} ${x.line}`), el('td', {}, x.externalId ?? ''), el('td', {}, x.reason))))),
      el('table', {}, el('tbody', {}, ...result.preview.map(p => el('tr', {}, el('td', {}, p.externalId), el('td', {}, p.callReceived), el('td', {}, p.triage ?? ''), el('td', {}, p.unit ?? ''))))));
    if (!dryRun) load();
  } catch (e) {
    $('#import-result').replaceChildren(el('p', { class: 'error' }, e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : e.message));
  }
}

async function main() {
  if (!await startPage(['healthoffice', 'admin'])) return;
  const today = new Date();
  const iso = d => new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 10); // WIB calendar date
  $('#to').value = iso(today);
  $('#from').value = iso(new Date(today.getTime() - 89 * 86400e3));
  areas = await api('/api/areas/kelurahan');
  $('#kelurahan').append(...areas.features.map(f => el('option', { value: f.properties.kode }, f.properties.nama)));
  const config = await api('/api/config');
  map = L.map('report-map');
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution }).addTo(map);
  map.fitBounds(L.geoJSON(areas).getBounds());
  $('#filters').addEventListener('submit', load);
  $('#print').addEventListener('click', () => window.print());
  $('#import-file').addEventListener('change', showMapping);
  $('#import-preview').addEventListener('click', () => runImport(true));
  $('#import-run').addEventListener('click', () => runImport(false));
  await load();
}

main();
