// @ts-check
// Planning: expected coverage per kelurahan (MEXCLP, each unit's busy fraction from history) and
// where more units, or one moved station, would cut expected late arrivals most.
import { api, attempt, el } from './common.js';
import { t, stationKindText } from './i18n.js';
import { areaMap, shadeAreas } from './area-map.js';

/** Red (0) to green (1) expected coverage; grey without incidents. @param {number | undefined} c */
const colour = c => (c === undefined ? '#bdbdbd' : `hsl(${Math.round(120 * c)}, 70%, 42%)`);
const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(1)}%`;
const num = (/** @type {number} */ x) => x.toFixed(1);

/**
 * Mounts the coverage map and the placement form in `container` for the period.
 * @param {HTMLElement} container
 * @param {{ from: string, to: string }} period WIB days, YYYY-MM-DD
 */
export async function mountCoverage(container, { from, to }) {
  const mapBox = el('div', { class: 'planning-map', id: 'coverage-map' });
  const summary = el('p', { class: 'coverage-summary', id: 'coverage-summary' });
  const legend = el('div', { class: 'coverage-legend', id: 'coverage-legend' }, el('span', {}, t('coverageLegend')),
    ...[0, 0.25, 0.5, 0.75, 1].map(c => { const swatch = el('span', { class: 'swatch' }, pct(c)); swatch.style.background = colour(c); return swatch; }));
  const add = el('input', { id: 'placement-add', type: 'number', min: 1, max: 5, value: 1 });
  const facilities = el('input', { id: 'placement-facilities', type: 'checkbox', checked: true });
  const list = el('ol', { class: 'candidate-list', id: 'candidate-list' });
  const run = el('button', { id: 'placement-run', type: 'button', class: 'primary' }, t('placementRun'));
  const results = el('div', { class: 'placement-results', id: 'placement-results' });
  container.replaceChildren(el('h2', {}, t('coverageTitle')), summary, mapBox, legend,
    el('section', { class: 'placement-form' }, el('h3', {}, t('placementTitle')), el('p', { class: 'muted' }, t('placementHelp')),
      el('label', {}, el('span', {}, t('placementAdd')), add), el('label', {}, facilities, el('span', {}, t('placementFacilities'))),
      list, run),
    results);

  const [{ map, areas }, coverage] = await Promise.all([areaMap(mapBox), api(`/api/planning/coverage?from=${from}&to=${to}`)]);
  /** @type {CoverageView} */
  const c = coverage;
  const byCode = new Map(c.kelurahan.map(k => [k.code, k]));
  shadeAreas(map, areas, code => colour(byCode.get(code)?.expectedCoverage), (code, name) => {
    const k = byCode.get(code);
    return k ? t('coverageArea', { name, coverage: pct(k.expectedCoverage), n: k.incidents, late: num(k.expectedUncovered) }) : `${name}: ${t('noData')}`;
  });
  summary.textContent = t('coverageSummary', {
    coverage: pct(c.expectedCoverage), minutes: Math.round(c.targetSeconds / 60), n: c.demand, late: num(c.expectedLate), basis: t(`basis_${c.basis}`),
  });
  for (const s of c.stations)
    L.circleMarker([s.lat, s.lon], { radius: 8, color: '#0d47a1', fillColor: '#1e88e5', fillOpacity: 0.9, className: 'station-marker' })
      .bindTooltip(el('span', {}, t('coverageStation', { name: s.name, n: s.units }))).addTo(map);

  /** @type {PlacementCandidateInput[]} */
  const clicked = [];
  const points = L.layerGroup().addTo(map);
  const best = L.layerGroup().addTo(map);
  const renderList = () => list.replaceChildren(...clicked.map((p, i) => el('li', {}, `${p.name} (${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}) `,
    el('button', { type: 'button', class: 'link', onclick: () => { clicked.splice(i, 1); redraw(); } }, t('remove')))));
  const redraw = () => {
    points.clearLayers();
    for (const p of clicked) L.circleMarker([p.lat, p.lon], { radius: 6, color: '#6a1b9a', className: 'candidate-marker' }).addTo(points);
    renderList();
  };
  map.on('click', e => {
    clicked.push({ lat: +e.latlng.lat.toFixed(6), lon: +e.latlng.lng.toFixed(6), name: t('candidatePoint', { n: clicked.length + 1 }) });
    redraw();
  });

  run.addEventListener('click', () => attempt(async () => {
    const candidates = [...clicked, ...(facilities.checked && clicked.length > 0 ? c.facilities.map(f => ({ facilityId: f.id })) : [])];
    /** @type {PlacementView} */
    const r = await api('/api/planning/placement', { method: 'POST', body: { from, to, add: Number(add.value), candidates } });
    results.replaceChildren(...renderPlacement(r, c));
    best.clearLayers();
    for (const s of r.additions[0]?.sites ?? [])
      L.circleMarker([s.lat, s.lon], { radius: 13, weight: 4, color: '#ff6f00', fillOpacity: 0.2, className: 'best-marker' })
        .bindTooltip(el('span', {}, t('placementBest'))).addTo(best);
  }));
}

/** @param {PlacementSiteView} s @param {CoverageView} c */
const siteName = (s, c) => {
  const kind = c.facilities.find(f => f.id === (s.facilityId ?? s.stationId))?.kind;
  return `${s.name ?? `${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}`}${kind ? ` (${stationKindText(kind)})` : ''}`;
};

/** @param {PlacementView} r @param {CoverageView} c */
function renderPlacement(r, c) {
  const head = (/** @type {string[]} */ keys) => el('thead', {}, el('tr', {}, ...keys.map(k => el('th', {}, t(k)))));
  const figures = (/** @type {{ expectedCoverage: number, gain: number, expectedLate: number }} */ x) =>
    [el('td', {}, pct(x.expectedCoverage)), el('td', {}, `+${pct(x.gain)}`), el('td', {}, num(x.expectedLate))];
  return [
    el('p', { id: 'placement-baseline' }, t('placementBaseline', {
      coverage: pct(r.baseline.expectedCoverage), late: num(r.baseline.expectedLate), method: t(`method_${r.method}`), basis: t(`basis_${r.basis}`),
    })),
    el('p', { class: 'muted' }, t('placementEstimate')),
    el('h3', {}, t('placementAdditions')),
    el('table', { class: 'numbers', id: 'placement-additions' }, head(['rank', 'placementSites', 'expectedCoverage', 'gain', 'expectedLate']),
      el('tbody', {}, ...r.additions.map(a => el('tr', { class: a.rank === 1 ? 'best' : '' },
        el('td', {}, a.rank), el('td', {}, a.sites.map(s => siteName(s, c)).join('; ')), ...figures(a))))),
    el('h3', {}, t('placementMoves')),
    el('table', { class: 'numbers', id: 'placement-moves' }, head(['rank', 'placementMove', 'expectedCoverage', 'gain', 'expectedLate']),
      el('tbody', {}, ...r.moves.map(m => el('tr', {},
        el('td', {}, m.rank), el('td', {}, `${m.stationName} → ${siteName(m.to, c)}`), ...figures(m))))),
  ];
}
