// @ts-check
// A simulation's result beside the same period replayed on today's configuration: headline tiles,
// per-triage table, charts, kelurahan map of late arrivals, units. Differences are marked better
// (green) or worse (red); lower is better for times and late arrivals, higher for compliance.
import { el, duration } from './common.js';
import { t } from './i18n.js';
import { chart, scale } from './charts.js';
import { shadeAreas } from './area-map.js';

const triages = ['merah', 'kuning', 'hijau', 'hitam', 'unknown'];
const secs = (/** @type {number | null | undefined} */ v) => (v === null || v === undefined ? '—' : duration(v));
const pct = (/** @type {number | null | undefined} */ v) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
/** @type {any} */
let shading = null;

/**
 * The class of a scenario figure against the baseline's.
 * @param {number | null | undefined} scenario
 * @param {number | null | undefined} baseline
 * @param {boolean} higherIsBetter
 */
function verdict(scenario, baseline, higherIsBetter = false) {
  if (scenario === null || scenario === undefined || baseline === null || baseline === undefined) return '';
  const d = scenario - baseline;
  if (Math.abs(d) < 1e-9) return '';
  return (d > 0) === higherIsBetter ? 'better' : 'worse';
}

/** A table cell holding both figures, the scenario's marked. */
const pair = (/** @type {string} */ b, /** @type {string} */ s, /** @type {string} */ cls) => [el('td', {}, b), el('td', { class: cls }, s)];

function tile(/** @type {string} */ label, /** @type {string} */ b, /** @type {string} */ s, /** @type {string} */ cls) {
  return el('div', { class: 'tile' }, label, el('strong', {}, s), el('span', { class: `delta ${cls}` }, t('versusBaseline', { value: b })));
}

/**
 * @param {SimulationResult} r
 * @param {any} map Leaflet map of the result
 * @param {any} areas kelurahan GeoJSON
 */
export function renderResult(r, map, areas) {
  const { scenario: s, baseline: b } = r;
  const merahS = s.byTriage.merah, merahB = b.byTriage.merah;
  document.getElementById('result-summary')?.replaceChildren(
    tile(t('lateArrivals'), String(b.late), String(s.late), verdict(s.late, b.late)),
    tile(t('complianceMerah'), pct(merahB?.compliance), pct(merahS?.compliance), verdict(merahS?.compliance, merahB?.compliance, true)),
    tile(t('p90Merah'), secs(merahB?.p90), secs(merahS?.p90), verdict(merahS?.p90, merahB?.p90)),
    tile(t('waitedForUnit'), String(b.waited), String(s.waited), verdict(s.waited, b.waited)),
    el('div', { class: 'tile' }, t('simulatedCalls'), el('strong', {}, r.calls), el('span', { class: 'muted' }, t('skippedNoLocation', { n: r.skipped.noLocation }))));
  const shown = triages.filter(x => (b.byTriage[x]?.incidents ?? 0) + (s.byTriage[x]?.incidents ?? 0) > 0);
  const head2 = ['median', 'p90', 'complianceShort', 'late'];
  document.getElementById('result-triage')?.replaceChildren(
    el('thead', {},
      el('tr', {}, el('th', {}), el('th', {}), ...head2.map(h => el('th', { colspan: 2, class: 'group' }, t(h)))),
      el('tr', {}, el('th', {}, t('triage')), el('th', {}, t('incidentsTotal')), ...head2.flatMap(() => [el('th', {}, t('baseline')), el('th', {}, t('scenario'))]))),
    el('tbody', {}, ...shown.map(x => {
      const sb = b.byTriage[x], ss = s.byTriage[x];
      return el('tr', { dataset: { triage: x } }, el('td', {}, t(x)), el('td', {}, ss?.incidents ?? 0),
        ...pair(secs(sb?.median), secs(ss?.median), verdict(ss?.median, sb?.median)),
        ...pair(secs(sb?.p90), secs(ss?.p90), verdict(ss?.p90, sb?.p90)),
        ...pair(pct(sb?.compliance), pct(ss?.compliance), verdict(ss?.compliance, sb?.compliance, true)),
        ...pair(String(sb?.late ?? 0), String(ss?.late ?? 0), verdict(ss?.late, sb?.late)));
    })));
  const minutes = (/** @type {number | null | undefined} */ v) => (v === null || v === undefined ? null : Math.round(v / 6) / 10);
  chart('chart-sim-p90', {
    type: 'bar',
    data: {
      labels: shown.map(x => t(x)),
      datasets: [
        { label: t('baseline'), data: shown.map(x => minutes(b.byTriage[x]?.p90)), backgroundColor: '#90a4ae' },
        { label: t('scenario'), data: shown.map(x => minutes(s.byTriage[x]?.p90)), backgroundColor: '#1565c0' },
      ],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('minutes') } } } },
  }, shown.length > 0);
  renderUnits(r);
  renderKelurahan(r, map, areas);
}

function renderUnits(/** @type {SimulationResult} */ r) {
  const base = new Map(r.baseline.units.map(u => [u.callSign, u]));
  const names = [...new Set([...r.baseline.units.map(u => u.callSign), ...r.scenario.units.map(u => u.callSign)])];
  const scen = new Map(r.scenario.units.map(u => [u.callSign, u]));
  chart('chart-sim-units', {
    type: 'bar',
    data: {
      labels: names,
      datasets: [
        { label: t('baseline'), data: names.map(n => Math.round((base.get(n)?.utilisation ?? 0) * 1000) / 10), backgroundColor: '#90a4ae' },
        { label: t('scenario'), data: names.map(n => Math.round((scen.get(n)?.utilisation ?? 0) * 1000) / 10), backgroundColor: '#00838f' },
      ],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: '%' } } } },
  }, names.length > 0);
  document.getElementById('result-units')?.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('unit')), el('th', {}, t('baseline')), el('th', {}, t('scenario')), el('th', {}, t('utilisationBaseline')), el('th', {}, t('utilisationScenario')))),
    el('tbody', {}, ...names.map(n => {
      const ub = base.get(n), us = scen.get(n);
      return el('tr', {}, el('td', { 'data-verbatim': '' }, n), el('td', {}, ub?.responses ?? '—'), el('td', {}, us?.responses ?? '—'),
        el('td', {}, pct(ub?.utilisation)), el('td', {}, pct(us?.utilisation)));
    })));
}

function renderKelurahan(/** @type {SimulationResult} */ r, /** @type {any} */ map, /** @type {any} */ areas) {
  const base = new Map(r.baseline.byKelurahan.map(k => [k.code, k]));
  const scen = new Map(r.scenario.byKelurahan.map(k => [k.code, k]));
  const codes = [...new Set([...base.keys(), ...scen.keys()])];
  const change = (/** @type {string} */ code) => (scen.get(code)?.late ?? 0) - (base.get(code)?.late ?? 0);
  const most = Math.max(1, ...codes.map(c => Math.abs(change(c))));
  map.invalidateSize();
  shading?.remove();
  // Fewer late arrivals than today: green; more: red; unchanged: the middle of the scale.
  shading = shadeAreas(map, areas, code => (base.has(code) || scen.has(code) ? scale(0.5 + change(code) / (2 * most)) : scale(null)),
    (code, name) => `${name}: ${t('lateChange', { base: base.get(code)?.late ?? 0, scenario: scen.get(code)?.late ?? 0 })}`);
  document.getElementById('result-kelurahan')?.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('kelurahan')), el('th', {}, t('incidentsTotal')), el('th', {}, `${t('late')} · ${t('baseline')}`),
      el('th', {}, `${t('late')} · ${t('scenario')}`), el('th', {}, `${t('median')} · ${t('scenario')}`))),
    el('tbody', {}, ...codes.sort((a, c) => change(a) - change(c)).map(code => {
      const kb = base.get(code), ks = scen.get(code);
      return el('tr', {}, el('td', {}, ks?.name ?? kb?.name ?? code), el('td', {}, ks?.incidents ?? kb?.incidents ?? 0), el('td', {}, kb?.late ?? 0),
        el('td', { class: verdict(ks?.late, kb?.late) }, ks?.late ?? 0), el('td', {}, secs(ks?.median)));
    })));
}
