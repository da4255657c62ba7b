// @ts-check
// The map: kelurahan boundaries always; tiles only when configured; stations, units, incidents.
import { api, el } from './common.js';
import { t, statusText } from './i18n.js';
import { availabilityText } from './availability.js';

const triageColour = { merah: '#d32f2f', kuning: '#f9a825', hijau: '#2e7d32', hitam: '#212121' };
// Units by what an operator needs to know: free, on a job, on the way home, out of service.
const unitColour = { available: '#2e7d32', busy: '#6a1b9a', returning: '#00838f', outOfService: '#757575' };
const unitState = unit => unit.status === 'outOfService' ? 'outOfService' : unit.status === 'returning' ? 'returning' : unit.available ? 'available' : 'busy';
const labelGap = 2; // pixels between unit labels pushed apart
const label = text => el('span', {}, text); // tooltips get a text node, never HTML

export async function createMap(container, config) {
  const map = L.map(container, { zoomControl: true, attributionControl: true });
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  const areas = L.geoJSON(await api('/api/areas/kelurahan'), {
    style: { color: '#1565c0', weight: 1.5, fillOpacity: 0.04 },
    onEachFeature: (feature, layer) => layer.bindTooltip(label(feature.properties.nama), { sticky: true }),
  }).addTo(map);
  map.fitBounds(areas.getBounds());

  const stations = L.layerGroup().addTo(map);
  const units = new Map(); // id -> { marker, key (rounded position), colour }
  // Labels that would cover each other (units at one post, or close by at this zoom) are pushed
  // down one below the other, top to bottom, so that every call sign can be read.
  const spread = () => {
    const placed = [];
    const labels = [...units.entries()].map(([id, u]) => ({ id, u, node: u.marker.getElement()?.firstElementChild, at: map.latLngToContainerPoint(u.marker.getLatLng()) }))
      .filter(l => l.node).sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x || a.id - b.id);
    for (const l of labels) {
      l.node.style.color = l.u.colour;
      const w = l.node.offsetWidth, h = l.node.offsetHeight;
      const box = { x: l.at.x - w / 2, y: l.at.y - h / 2, w, h };
      for (let again = true; again;) {
        again = false;
        for (const p of placed) {
          if (box.x < p.x + p.w && p.x < box.x + box.w && box.y < p.y + p.h + labelGap && p.y < box.y + box.h + labelGap) {
            box.y = p.y + p.h + labelGap;
            again = true;
          }
        }
      }
      placed.push(box);
      l.node.style.transform = `translate(-50%, calc(-50% + ${Math.round(box.y - (l.at.y - h / 2))}px))`;
    }
  };
  map.on('zoomend', spread);
  legend(map);
  const incidents = new Map();
  const routes = new Map();

  return {
    map,
    kelurahan: /** @type {import('geojson').FeatureCollection<any, { kode: string, nama: string }>} */ (areas.toGeoJSON()).features.map(f => ({ code: f.properties.kode, name: f.properties.nama })),
    setStations(list) {
      stations.clearLayers();
      for (const s of list)
        L.circleMarker([s.lat, s.lon], { radius: 5, color: s.availability?.warn ? '#b71c1c' : '#455a64', fillOpacity: 0.8 })
          .bindTooltip(label(s.kind === 'hospital' ? `${s.name} · ${availabilityText(s.availability)}` : s.name)).addTo(stations);
    },
    /** A unit as its call sign, coloured by state; units at one place are spread around it so each can be seen. */
    setUnit(unit, home) {
      const p = unit.lastPosition ?? (home ? { lat: home.lat, lon: home.lon } : null);
      units.get(unit.id)?.marker.remove();
      units.delete(unit.id);
      if (p) {
        const state = unitState(unit);
        const icon = L.divIcon({ className: 'unit-icon', iconSize: /** @type {any} */ (null) /* sized by the CSS (Leaflet's documented null; its types omit it) */, html: el('span', { class: `unit-label unit-${state}`, dataset: { unitId: unit.id } }, unit.callSign) });
        const marker = L.marker([p.lat, p.lon], { icon, keyboard: false, title: `${unit.callSign} · ${statusText(unit.status)}` })
          .bindTooltip(label(`${unit.callSign} · ${statusText(unit.status)}`)).addTo(map);
        units.set(unit.id, { marker, key: `${p.lat.toFixed(4)},${p.lon.toFixed(4)}`, colour: unitColour[state] });
      }
      spread();
    },
    /** The assigned unit's way to the scene (null removes it). */
    setRoute(incidentId, route) {
      routes.get(incidentId)?.remove();
      routes.delete(incidentId);
      if (route) routes.set(incidentId, routeLayer(route).addTo(map));
    },
    setIncident(incident) {
      incidents.get(incident.id)?.remove();
      // A closed or cancelled incident leaves the map and this list (a long shift keeps only the active ones).
      if (incident.status === 'closed' || incident.status === 'cancelled') { incidents.delete(incident.id); return; }
      incidents.set(incident.id, L.circleMarker([incident.location.lat, incident.location.lon], {
        radius: 10, color: triageColour[incident.triage], fillColor: triageColour[incident.triage], fillOpacity: 0.6, className: 'incident-marker',
      }).bindTooltip(label(`#${incident.id} ${incident.triage} · ${statusText(incident.status)}`)).addTo(map));
    },
  };
}

function legend(map) {
  const control = new L.Control({ position: 'bottomleft' });
  const swatch = (colour, text) => el('div', {}, el('i', { class: 'swatch', dataset: { colour } }), text);
  control.onAdd = () => {
    const box = el('div', { class: 'map-legend' },
      el('strong', {}, t('units')),
      ...Object.entries(unitColour).map(([state, colour]) => swatch(colour, t(`unitState_${state}`))),
      el('strong', {}, t('incidents')),
      ...Object.entries(triageColour).map(([triage, colour]) => swatch(colour, t(triage))));
    /** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll('i.swatch')).forEach(i => { i.style.background = i.dataset.colour ?? ''; });
    return box;
  };
  control.addTo(map);
}

/** A route as a line: solid along roads, dashed when it is only the straight line. */
export function routeLayer(route) {
  const road = route.basis === 'road';
  return L.geoJSON(route.geometry, {
    style: { color: road ? '#1565c0' : '#757575', weight: road ? 5 : 3, opacity: 0.8, dashArray: road ? undefined : '6 6', className: 'route-line' },
  }).bindTooltip(label(routeText(route)));
}

export const routeText = route => t(route.basis === 'road' ? 'routeRoad' : 'routeStraight',
  { km: (route.meters / 1000).toFixed(1), min: Math.max(1, Math.round(route.seconds / 60)) });

/** The crew's small map: the route to the scene and the scene itself. */
export function createRouteMap(container, config) {
  const map = L.map(container, { zoomControl: true, attributionControl: true });
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  const layers = L.layerGroup().addTo(map);
  return {
    show(route, scene) {
      layers.clearLayers();
      L.circleMarker([scene.lat, scene.lon], { radius: 9, color: '#d32f2f', fillOpacity: 0.7 }).addTo(layers);
      if (!route) { map.setView([scene.lat, scene.lon], 15); return; }
      const line = routeLayer(route).addTo(layers);
      map.fitBounds(line.getBounds(), { padding: [20, 20] });
    },
  };
}

/**
 * The operator's point for one call: the device location is a suggestion (grey, with its accuracy
 * circle) and never overwrites the point the operator confirmed (blue, draggable).
 */
export function callPoint(view, onChange) {
  /** @type {import('leaflet').Marker | null} */
  let confirmed = null;
  /** @type {import('leaflet').CircleMarker | null} */
  let suggestion = null;
  /** @type {import('leaflet').Circle | null} */
  let circle = null;
  /** @param {import('leaflet').LatLngExpression} latlng */
  const confirm = latlng => {
    if (confirmed) confirmed.setLatLng(latlng);
    else {
      const marker = L.marker(latlng, { draggable: true, keyboard: true, title: 'confirmed' }).addTo(view.map);
      marker.on('dragend', () => onChange(marker.getLatLng()));
      confirmed = marker;
    }
    onChange(confirmed.getLatLng());
  };
  const click = e => confirm(e.latlng);
  view.map.on('click', click);
  return {
    suggest(location) {
      if (!location) return;
      circle = L.circle([location.lat, location.lon], { radius: location.accuracyMeters ?? 50, color: '#9e9e9e', fillOpacity: 0.15 }).addTo(view.map);
      suggestion = L.circleMarker([location.lat, location.lon], { radius: 6, color: '#757575', fillOpacity: 0.9 }).addTo(view.map);
      view.map.setView([location.lat, location.lon], Math.max(view.map.getZoom(), 15));
    },
    useSuggestion() { if (suggestion) confirm(suggestion.getLatLng()); },
    /** Confirms a point given as { lat, lng } (a restored draft). */
    confirm(point) { confirm(L.latLng(point.lat, point.lng)); },
    get point() { return confirmed?.getLatLng() ?? null; },
    dispose() {
      view.map.off('click', click);
      [confirmed, suggestion, circle].forEach(layer => layer?.remove());
    },
  };
}
