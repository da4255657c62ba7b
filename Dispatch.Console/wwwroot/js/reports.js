// @ts-check
// Health office: response-time report, charts, kelurahan map, heat map, exports, history import.
import { loadProtocolReport } from './reports-protocols.js';
import { chart, kelurahanMap, scale, shadeKelurahan } from './charts.js';
import { api, attempt, el, duration, startPage, showError } from './common.js';
import { t, lang, sourceText, outcomeText, intervalText, intervalDefinition, weekdayText, importFieldText } from './i18n.js';

// any: the element's kind (input, select, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const triageColour = { merah: '#d32f2f', kuning: '#f9a825', hijau: '#2e7d32', hitam: '#212121' };
const sources = ['line119', 'ncc', 'app', 'radio', 'walkin'];
const fields = ['externalId', 'callReceived', 'callAnswered', 'incidentCreated', 'unitNotified', 'unitAcknowledged', 'enRoute', 'onScene',
  'leftScene', 'atDestination', 'handover', 'backInService', 'closed', 'triage', 'lat', 'lon', 'unit', 'complaint', 'category', 'source'];
// Time formats by example (the server reads .NET formats; people recognise the example).
const timeFormats = [
  ['yyyy-MM-dd HH:mm:ss', '2025-03-03 08:05:00'], ['yyyy-MM-dd HH:mm', '2025-03-03 08:05'], ['dd/MM/yyyy HH:mm:ss', '03/03/2025 08:05:00'],
  ['dd/MM/yyyy HH:mm', '03/03/2025 08:05'], ['d/M/yyyy H:mm', '3/3/2025 8:05'], ['dd-MM-yyyy HH:mm:ss', '03-03-2025 08:05:00'],
  ['dd-MM-yyyy HH:mm', '03-03-2025 08:05'], ['M/d/yyyy h:mm:ss tt', '3/3/2025 8:05:00 AM'], ['iso', null],
];
const timeZones = [['Asia/Jakarta', 'tzWib'], ['Asia/Makassar', 'tzWita'], ['Asia/Jayapura', 'tzWit'], ['UTC', 'tzUtc']];
let map, areas, shading;

const secs = v => (v === null || v === undefined ? '—' : duration(v));

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#filters'))) if (v) params.set(k, /** @type {string} */ (v)); // the filters have no file input
  return params.toString();
}

const longDate = iso => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The period and every filter, in words: on screen and on the printout. */
function describeFilters() {
  const form = $('#filters');
  $('#report-period').textContent = t('period', { from: longDate(form.from.value), to: longDate(form.to.value) });
  const chosen = ['triage', 'kecamatan', 'kelurahan', 'unit', 'source', 'emergency'].map(name => {
    const select = form.elements[name];
    return `${select.closest('label').querySelector('span').textContent}: ${select.selectedOptions[0]?.textContent ?? t('all')}`;
  });
  $('#report-filters').textContent = t('filtersApplied', { list: chosen.join(' · ') });
}

async function load(event) {
  event?.preventDefault();
  const q = query();
  $('#export-csv').href = `/api/exports/incidents.csv?${q}`;
  $('#export-kemenkes-json').href = `/api/exports/kemenkes?${q}&format=json`;
  $('#export-kemenkes-csv').href = `/api/exports/kemenkes?${q}&format=csv`;
  const report = await attempt(() => api(`/api/reports/response-times?${q}`));
  if (!report) return;
  await loadProtocolReport(q);
  describeFilters();
  const calls = Object.values(report.volumes.callsBySource).reduce((a, b) => a + b, 0);
  const empty = report.incidents === 0 && calls === 0;
  $('#no-data').hidden = !empty;
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.report-data')).forEach(section => { section.hidden = empty; });
  if (!empty) {
    renderSummary(report);
    renderIntervals(report);
    renderCharts(report);
    renderMap(report);
    renderHeatmap(report);
  }
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
      el('td', { title: intervalDefinition(name), class: 'defined' }, intervalText(name)), el('td', {}, s.count), el('td', {}, s.invalid),
      el('td', {}, secs(s.mean)), el('td', {}, secs(s.median)), el('td', {}, secs(s.p90)), el('td', {}, secs(s.p95)), el('td', {}, secs(s.max))))));
}

function renderCharts(r) {
  const bar = (id, data, label, colour) => chart(id, {
    type: 'bar', data: { labels: Object.keys(data).map(label), datasets: [{ data: Object.values(data), backgroundColor: colour }] },
    options: { plugins: { legend: { display: false } } },
  }, Object.keys(data).length > 0);
  bar('chart-source', r.volumes.callsBySource, sourceText, '#1565c0');
  bar('chart-outcome', r.volumes.callsByOutcome, outcomeText, '#6a1b9a');
  const triages = Object.keys(r.volumes.incidentsByTriage).filter(x => r.volumes.incidentsByTriage[x] > 0);
  chart('chart-triage', {
    type: 'doughnut',
    data: { labels: triages.map(x => t(x)), datasets: [{ data: triages.map(x => r.volumes.incidentsByTriage[x]), backgroundColor: triages.map(x => triageColour[x]) }] },
  }, triages.length > 0);
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
  }, r.trend.length > 0);
  chart('chart-units', {
    type: 'bar', data: { labels: r.units.map(u => u.callSign ?? `#${u.unitId}`), datasets: [{ label: t('incidentsTotal'), data: r.units.map(u => u.incidents), backgroundColor: '#00838f' }] },
    options: { plugins: { legend: { display: false } } },
  }, r.units.length > 0);
  $('#units-table').hidden = r.units.length === 0;
  $('#units-table').replaceChildren(el('thead', {}, el('tr', {}, el('th', {}, t('unit')), el('th', {}, t('incidentsTotal')), el('th', {}, t('busy')))),
    el('tbody', {}, ...r.units.map(u => el('tr', {}, el('td', {}, u.callSign ?? `#${u.unitId}`), el('td', {}, u.incidents), el('td', {}, duration(u.busySeconds))))));
}

// Green (fast) to red (slow) by median response: 0 to 30 minutes.
const shade = seconds => scale(seconds === null || seconds === undefined ? null : seconds / 1800);

function renderMap(r) {
  map.invalidateSize(); // the map may have been hidden (an empty range) while the page resized
  const byCode = new Map(r.byKelurahan.map(k => [k.code, k]));
  shading?.remove();
  shading = shadeKelurahan(map, areas, code => shade(byCode.get(code)?.medianResponseSeconds), (code, name) => {
    const k = byCode.get(code);
    return `${name}: ${k ? `${k.incidents} · ${t('median')} ${secs(k.medianResponseSeconds)}` : t('noData')}`;
  });
  $('#map-legend').textContent = t('mapLegend');
}

function renderHeatmap(r) {
  const counts = Array.from({ length: 7 }, () => Array(24).fill(0));
  for (const c of r.heatmap) counts[c.weekday][c.hour] = c.incidents;
  const max = Math.max(1, ...counts.flat());
  $('#heatmap').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', { title: t('dayHour') }), ...Array.from({ length: 24 }, (_, h) => el('th', {}, h)))),
    el('tbody', {}, ...counts.map((row, d) => el('tr', {}, el('th', { title: weekdayText(d) }, weekdayText(d, true)), ...row.map((n, h) => {
      const cell = el('td', { title: t('heatCell', { day: weekdayText(d), hour: String(h).padStart(2, '0'), n }) }, n || '');
      cell.style.background = `rgba(183, 28, 28, ${n / max})`;
      if (n / max > 0.5) cell.style.color = '#fff';
      return cell;
    })))));
}

// ---- import ------------------------------------------------------------------------------------

/** The header and the first data row of the file (a sample value beside each column helps to map it). */
async function readHead(file) {
  const [first, second = ''] = (await file.slice(0, 64 * 1024).text()).split(/\r?\n/);
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  const cells = line => line.split(delimiter).map(h => h.replace(/^"|"$/g, '').trim());
  return { headers: cells(first), sample: cells(second) };
}

// A header that names a field (in code or in words, in either language) is mapped to it at once.
const guessField = header => {
  const h = header.toLowerCase();
  return fields.find(f => f.toLowerCase() === h || importFieldText(f).toLowerCase() === h) ?? '';
};

async function showMapping() {
  const file = $('#import-file').files[0];
  $('#import-result').replaceChildren();
  if (!file) { $('#mapping').replaceChildren(); return; }
  const { headers, sample } = await readHead(file);
  $('#mapping').replaceChildren(...headers.map((h, i) => el('label', {},
    // The file's header and first value are shown as the file writes them (data-verbatim).
    el('span', {}, `${t('column')} `, el('q', { 'data-verbatim': '' }, h),
      sample[i] ? el('span', { class: 'muted' }, ` (${t('columnSample')} `, el('span', { 'data-verbatim': '' }, sample[i]), ')') : null),
    el('select', { dataset: { header: h } }, el('option', { value: '' }, t('ignored')),
      ...fields.map(f => el('option', { value: f, selected: f === guessField(h) }, importFieldText(f)))))));
}

function rejectionText(row) {
  const text = t(`reject-${row.code}`, { field: importFieldText(row.field), value: row.value ?? '' });
  return text === `reject-${row.code}` ? row.reason : text;
}

async function runImport(dryRun) {
  const file = $('#import-file').files[0];
  if (!file) { $('#import-result').replaceChildren(el('p', { class: 'error' }, t('chooseFile'))); return; }
  const columns = {};
  /** @type {NodeListOf<HTMLSelectElement>} */ (document.querySelectorAll('#mapping select')).forEach(s => { if (s.value) columns[s.dataset.header] = s.value; });
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', JSON.stringify({ columns, timeFormat: $('#time-format').value, timeZone: $('#time-zone').value }));
  const result = await attempt(() => api(`/api/imports/incidents?dryRun=${dryRun}`, { method: 'POST', form }));
  if (!result) return;
  const counts = { n: result.imported, s: result.skipped, r: result.rejected.length };
  const timeOf = iso => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
  $('#import-result').replaceChildren(
    el('p', { class: 'import-outcome' }, dryRun ? t('willImport', counts) : t('importedDone', counts)),
    result.rejected.length ? el('h3', {}, t('rejectedRows')) : null,
    result.rejected.length ? el('table', { class: 'rejected' }, el('tbody', {}, ...result.rejected.map(x => el('tr', {},
      el('td', {}, `${t('line')} ${x.line}`), el('td', { 'data-verbatim': '' }, x.externalId ?? ''), el('td', {}, rejectionText(x)))))) : null,
    dryRun && result.preview.length ? el('h3', {}, t('previewRows')) : null,
    dryRun && result.preview.length ? el('table', { class: 'preview' },
      el('thead', {}, el('tr', {}, ...['externalId', 'callReceived', 'triage', 'unit'].map(f => el('th', {}, importFieldText(f))))),
      el('tbody', {}, ...result.preview.map(p => el('tr', {}, el('td', { 'data-verbatim': '' }, p.externalId), el('td', {}, `${timeOf(p.callReceived)} WIB`),
        el('td', {}, p.triage ? t(p.triage.toLowerCase()) : ''), el('td', { 'data-verbatim': '' }, p.unit ?? ''))))) : null);
  if (!dryRun) await load();
}

function fillChoices(setup) {
  $('#filter-source').append(...sources.map(s => el('option', { value: s }, sourceText(s))));
  $('#filter-unit').append(...setup.units.map(u => el('option', { value: u.id }, u.callSign)));
  $('#kode-psc-warning').hidden = setup.kodePsc !== '';
  $('#time-format').append(...timeFormats.map(([format, example]) =>
    el('option', { value: format }, example ?? t('isoExample', { example: '2025-03-03T08:05:00+07:00' }))));
  $('#time-zone').append(...timeZones.map(([zone, label]) => el('option', { value: zone }, t(label))));
}

async function main() {
  if (!await startPage(['healthoffice', 'admin'])) return;
  const today = new Date();
  const iso = d => new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 10); // WIB calendar date
  $('#to').value = iso(today);
  $('#from').value = iso(new Date(today.getTime() - 89 * 86400e3));
  const [kelurahan, setup, config] = await Promise.all([api('/api/areas/kelurahan'), api('/api/reports/setup'), api('/api/config')]);
  areas = kelurahan;
  $('#kelurahan').append(...areas.features.map(f => el('option', { value: f.properties.kode }, f.properties.nama)));
  fillChoices(setup);
  map = kelurahanMap('report-map', areas, config);
  $('#filters').addEventListener('submit', load);
  $('#print').addEventListener('click', () => window.print());
  $('#import-file').addEventListener('change', () => attempt(showMapping));
  $('#import-preview').addEventListener('click', () => runImport(true));
  $('#import-run').addEventListener('click', () => runImport(false));
  await load();
}

main().catch(showError);
