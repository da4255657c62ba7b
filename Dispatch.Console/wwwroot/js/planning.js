// @ts-check
// Health office: what-if simulation on the PSC's own history (scenario beside today's
// configuration), past runs, coverage and placement, road-speed calibration.
import { api, attempt, el, startPage, showError } from './common.js';
import { t, lang } from './i18n.js';
import { areaMap, wibDate } from './area-map.js';
import { mountCoverage } from './planning-coverage.js';
import { mountCalibration } from './planning-calibration.js';
import { scenarioEditor } from './planning-scenario.js';
import { renderResult } from './planning-results.js';

const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const longDate = (/** @type {string} */ iso) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const when = (/** @type {string} */ iso) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
/** @type {any} */
let resultMap = null, areas = null;
/** @type {{ request: () => any } | null} */
let editor = null;

const period = () => ({ from: $('#from').value, to: $('#to').value });

/** Runs the scenario: the answer is the result, or a job to follow until it is done. */
async function run() {
  const body = { ...period(), name: $('#scenario-name').value || null, scenario: editor?.request() };
  $('#run').disabled = true;
  try {
    let result = await attempt(() => api('/api/planning/simulations', { method: 'POST', body }));
    while (result && (result.status === 'queued' || result.status === 'running')) {
      progress(result);
      await new Promise(resolve => setTimeout(resolve, 500));
      result = await attempt(() => api(`/api/planning/simulations/${encodeURIComponent(result.id)}`));
    }
    if (result) show(result);
  } finally {
    $('#run').disabled = false;
    $('#progress').hidden = true;
  }
  await listRuns();
}

function progress(/** @type {{ status: string, progress: number }} */ job) {
  $('#progress').hidden = false;
  $('#progress').value = job.progress;
  $('#run-state').textContent = t(job.status === 'queued' ? 'simQueued' : 'simRunning', { pct: Math.round(job.progress * 100) });
}

function show(/** @type {SimulationResult} */ result) {
  if (result.status === 'failed') {
    $('#run-state').textContent = t('simFailed', { error: result.error ?? '' });
    return;
  }
  $('#run-state').textContent = t('simDone', { n: result.calls });
  $('#results').hidden = false;
  $('#result-title').textContent = result.name || t('scenario');
  $('#result-period').textContent = t('period', { from: longDate(result.from), to: longDate(result.to) });
  $('#result-scenario').textContent = t('scenarioSummary', {
    stations: result.request?.scenario?.stations?.length ?? 0, units: result.request?.scenario?.units?.length ?? 0,
    basis: t(result.basis === 'road' ? 'basisRoad' : 'basisStraight'),
  });
  document.body.dataset.result = result.id;
  // The result's map was laid out while hidden: size it and fit the kelurahan now that it shows.
  resultMap.invalidateSize();
  resultMap.fitBounds(L.geoJSON(areas).getBounds());
  renderResult(result, resultMap, areas);
}

async function listRuns() {
  const runs = await attempt(() => api('/api/planning/simulations'));
  if (!runs) return;
  $('#past-runs').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('scenarioName')), el('th', {}, t('from')), el('th', {}, t('to')), el('th', {}, t('status')), el('th', {}, t('ranBy')), el('th', {}, t('ranAt')))),
    el('tbody', {}, ...runs.map((/** @type {SimulationResult} */ r) => el('tr', {
      dataset: { id: r.id }, tabindex: 0,
      onclick: () => attempt(async () => show(await api(`/api/planning/simulations/${encodeURIComponent(r.id)}`))),
      onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter') /** @type {HTMLElement} */ (e.currentTarget).click(); },
    }, el('td', { 'data-verbatim': '' }, r.name || t('scenario')), el('td', {}, r.from), el('td', {}, r.to), el('td', {}, t(`sim_${r.status}`)),
      el('td', { 'data-verbatim': '' }, r.createdBy), el('td', {}, when(r.createdAt))))));
}

async function main() {
  if (!await startPage(['healthoffice', 'admin'])) return;
  $('#to').value = wibDate();
  $('#from').value = wibDate(364);
  const [scenarioMap, result, setup] = await Promise.all([areaMap('scenario-map'), areaMap('result-map'), api('/api/planning/setup')]);
  areas = result.areas;
  resultMap = result.map;
  editor = scenarioEditor(setup, scenarioMap.map);
  $('#run').addEventListener('click', () => attempt(run));
  $('#print').addEventListener('click', () => window.print());
  $('#period').addEventListener('submit', (/** @type {Event} */ e) => { e.preventDefault(); void mountModels(); });
  await Promise.all([listRuns(), mountModels()]);
  document.body.dataset.loaded = 'true';
}

/** Coverage and placement, and the speed calibration, for the chosen period. */
async function mountModels() {
  await Promise.all([attempt(() => mountCoverage($('#planning-coverage'), period())), attempt(() => mountCalibration($('#planning-calibration'), period()))]);
}

main().catch(showError);
