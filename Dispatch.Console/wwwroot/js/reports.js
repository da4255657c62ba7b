// @ts-check
// Health office: response-time report, charts, kelurahan map, heat map, exports; the history import is reports-import.js.
import { loadProtocolReport } from './reports-protocols.js';
import { areaMap, shadeAreas, wibDate } from './area-map.js';
import { chart, scale } from './charts.js';
import { api, attempt, el, duration, startPage, showError } from './common.js';
import { t, lang, sourceText, outcomeText, intervalText, intervalDefinition, weekdayText } from './i18n.js';
import { setupImport } from './reports-import.js';

// any: the element's kind (input, select, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const triageColour = { merah: '#d32f2f', kuning: '#f9a825', hijau: '#2e7d32', hitam: '#212121', unknown: '#9e9e9e' };
const sources = ['line119', 'ncc', 'app', 'radio', 'walkin'];
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
  shading = shadeAreas(map, areas, code => shade(byCode.get(code)?.medianResponseSeconds), (code, name) => {
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

function fillChoices(setup) {
  $('#filter-source').append(...sources.map(s => el('option', { value: s }, sourceText(s))));
  $('#filter-unit').append(...setup.units.map(u => el('option', { value: u.id }, u.callSign)));
  $('#kode-psc-warning').hidden = setup.kodePsc !== '';
}

async function main() {
  if (!await startPage(['healthoffice', 'admin'])) return;
  $('#to').value = wibDate();
  $('#from').value = wibDate(89);
  const [shared, setup] = await Promise.all([areaMap('report-map'), api('/api/reports/setup')]);
  ({ map, areas } = shared);
  $('#kelurahan').append(...areas.features.map(f => el('option', { value: f.properties.kode }, f.properties.nama)));
  fillChoices(setup);
  $('#filters').addEventListener('submit', load);
  $('#print').addEventListener('click', () => window.print());
  await setupImport(setup, load);
  await load();
}

main().catch(showError);
