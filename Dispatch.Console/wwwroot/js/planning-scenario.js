// @ts-check
// The planning page's scenario editor: today's stations and units as rows to change (move, add,
// remove; a unit's type, home and shift), a map to place stations, and the dispatch policy. The
// request lists only what differs from today, as POST /api/planning/simulations expects.
import { el } from './common.js';
import { t, unitTypeText } from './i18n.js';

// Shift patterns offered (WIB; days 0 = Sunday). "all" is no pattern: on duty day and night.
const shifts = {
  all: null,
  day: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '07:00', to: '19:00' }],
  night: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '19:00', to: '07:00' }],
  weekdayDay: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }],
};
const unitTypes = ['als', 'bls', 'transport'];
const round = (/** @type {number} */ x) => Math.round(x * 1e5) / 1e5;

/**
 * @param {PlanningSetup} setup
 * @param {any} map Leaflet map for placing stations
 */
export function scenarioEditor(setup, map) {
  const homes = new Set(setup.units.map(u => u.homeStationId));
  // Stations: PSC posts and every place a unit stands today; hospitals and puskesmas can be added as homes by moving or adding.
  /** @type {ScenarioStation[]} */
  const stations = setup.stations.filter(s => s.kind === 'pscPost' || homes.has(s.id))
    .map(s => ({ id: s.id, key: null, name: s.name, lat: s.lat, lon: s.lon, original: s, remove: false, marker: null }));
  /** @type {ScenarioUnit[]} */
  const units = setup.units.map(u => ({ id: u.id, callSign: u.callSign, type: u.type, home: u.homeStationId === null ? '' : String(u.homeStationId), shift: 'all', original: u, remove: false }));
  let added = 0;
  /** @type {ScenarioStation | null} */
  let placing = null;

  const stationRef = (/** @type {ScenarioStation} */ s) => (s.id !== null ? String(s.id) : `key:${s.key}`);
  const moved = (/** @type {ScenarioStation} */ s) => s.original !== null && (round(s.lat) !== round(s.original.lat) || round(s.lon) !== round(s.original.lon));

  function drawMarker(/** @type {ScenarioStation} */ s) {
    s.marker?.remove();
    s.marker = s.remove ? null : L.circleMarker([s.lat, s.lon], { radius: 8, color: s.original ? '#0d47a1' : '#e65100', fillOpacity: 0.9 })
      .bindTooltip(el('span', {}, s.name)).addTo(map);
  }

  function number(/** @type {ScenarioStation} */ s, /** @type {'lat' | 'lon'} */ axis) {
    return el('input', { type: 'number', step: '0.0001', value: round(s[axis]), 'aria-label': t(axis === 'lat' ? 'latitude' : 'longitude'),
      onchange: (/** @type {Event} */ e) => { const v = Number(/** @type {HTMLInputElement} */ (e.target).value); if (Number.isFinite(v)) s[axis] = v; render(); } });
  }

  function renderStations() {
    document.getElementById('scenario-stations')?.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}, t('stationName')), el('th', {}, t('latitude')), el('th', {}, t('longitude')), el('th', {}), el('th', {}, t('remove')))),
      el('tbody', {}, ...stations.map(s => el('tr', { class: s.remove ? 'removed' : (moved(s) || !s.original ? 'changed' : ''), dataset: { station: stationRef(s) } },
        el('td', {}, s.original ? el('span', { 'data-verbatim': '' }, s.name)
          : el('input', { value: s.name, maxlength: 100, 'aria-label': t('stationName'), onchange: (/** @type {Event} */ e) => { s.name = /** @type {HTMLInputElement} */ (e.target).value; } })),
        el('td', {}, number(s, 'lat')), el('td', {}, number(s, 'lon')),
        el('td', {}, el('button', { type: 'button', class: 'place', onclick: () => { placing = s; hint(); } }, t('placeOnMap'))),
        el('td', {}, el('input', { type: 'checkbox', checked: s.remove, 'aria-label': t('remove'), onchange: () => { s.remove = !s.remove; render(); } }))))));
  }

  function renderUnits() {
    const live = stations.filter(s => !s.remove);
    document.getElementById('scenario-units')?.replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}, t('unit')), el('th', {}, t('unitTypeLabel')), el('th', {}, t('homeStation')), el('th', {}, t('shiftLabel')), el('th', {}, t('remove')))),
      el('tbody', {}, ...units.map(u => el('tr', { class: u.remove ? 'removed' : (unitChange(u) ? 'changed' : ''), dataset: { unit: u.id === null ? u.callSign : String(u.id) } },
        el('td', {}, u.original ? el('span', { 'data-verbatim': '' }, u.callSign)
          : el('input', { value: u.callSign, maxlength: 20, 'aria-label': t('unit'), onchange: (/** @type {Event} */ e) => { u.callSign = /** @type {HTMLInputElement} */ (e.target).value; } })),
        el('td', {}, el('select', { onchange: (/** @type {Event} */ e) => { u.type = /** @type {HTMLSelectElement} */ (e.target).value; render(); } },
          ...unitTypes.map(x => el('option', { value: x, selected: x === u.type }, unitTypeText(x))))),
        el('td', {}, el('select', { class: 'home', onchange: (/** @type {Event} */ e) => { u.home = /** @type {HTMLSelectElement} */ (e.target).value; render(); } },
          el('option', { value: '' }, '—'), ...live.map(s => el('option', { value: stationRef(s), selected: stationRef(s) === u.home }, s.name)))),
        el('td', {}, el('select', { class: 'shift', onchange: (/** @type {Event} */ e) => { u.shift = /** @type {HTMLSelectElement} */ (e.target).value; render(); } },
          ...Object.keys(shifts).map(x => el('option', { value: x, selected: x === u.shift }, t(`shift_${x}`))))),
        el('td', {}, el('input', { type: 'checkbox', checked: u.remove, 'aria-label': t('remove'), onchange: () => { u.remove = !u.remove; render(); } }))))));
  }

  const unitChange = (/** @type {ScenarioUnit} */ u) => !u.original || u.type !== u.original.type || u.shift !== 'all'
    || u.home !== (u.original.homeStationId === null ? '' : String(u.original.homeStationId));

  function hint() {
    const text = document.getElementById('map-hint');
    if (text) text.textContent = placing ? t('scenarioPlacing', { name: placing.name }) : t('scenarioMapHint');
  }

  function render() {
    renderStations();
    renderUnits();
    for (const s of stations) drawMarker(s);
  }

  map.on('click', (/** @type {any} */ e) => {
    if (!placing) return;
    placing.lat = e.latlng.lat;
    placing.lon = e.latlng.lng;
    placing = null;
    hint();
    render();
  });
  document.getElementById('add-station')?.addEventListener('click', () => {
    const centre = map.getCenter();
    const s = { id: null, key: `baru-${++added}`, name: t('newStationName', { n: added }), lat: centre.lat, lon: centre.lng, original: null, remove: false, marker: null };
    stations.push(s);
    placing = s;
    hint();
    render();
  });
  document.getElementById('add-unit')?.addEventListener('click', () => {
    const first = stations.find(s => !s.remove);
    units.push({ id: null, callSign: `SIM-${units.filter(u => !u.original).length + 1}`, type: 'bls', home: first ? stationRef(first) : '', shift: 'all', original: null, remove: false });
    render();
  });
  render();

  /** The scenario as the API takes it: only the changes. */
  function request() {
    const home = (/** @type {string} */ ref) => (ref.startsWith('key:') ? { homeStationKey: ref.slice(4) } : ref ? { homeStationId: Number(ref) } : {});
    const policy = {
      travel: /** @type {HTMLInputElement} */ (document.querySelector('input[name=travel]:checked')).value,
      alsForMerah: /** @type {HTMLInputElement} */ (document.getElementById('als-for-merah')).checked,
      keepOnePerKecamatan: /** @type {HTMLInputElement} */ (document.getElementById('keep-one')).checked,
    };
    return {
      stations: stations.flatMap((s) => /** @type {any[]} */ ( s.original === null ? (s.remove ? [] : [{ key: s.key, name: s.name, lat: round(s.lat), lon: round(s.lon) }])
        : s.remove ? [{ id: s.id, remove: true }] : moved(s) ? [{ id: s.id, lat: round(s.lat), lon: round(s.lon) }] : [])),
      units: units.flatMap((u) => /** @type {any[]} */ ( u.original === null ? (u.remove ? [] : [{ callSign: u.callSign, type: u.type, ...home(u.home), shifts: shifts[u.shift] }])
        : u.remove ? [{ id: u.id, remove: true }] : unitChange(u) ? [{ id: u.id, type: u.type, ...home(u.home), shifts: shifts[u.shift] }] : [])),
      policy,
    };
  }

  return { request };
}
