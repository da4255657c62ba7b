// The map: kelurahan boundaries always; tiles only when configured; stations, units, incidents.
import { api, el } from './common.js';
import { t, statusText } from './i18n.js';

const triageColour = { merah: '#d32f2f', kuning: '#f9a825', hijau: '#2e7d32', hitam: '#212121' };
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
  const units = new Map();
  const incidents = new Map();
  const routes = new Map();

  return {
    map,
    kelurahan: areas.toGeoJSON().features.map(f => ({ code: f.properties.kode, name: f.properties.nama })),
    setStations(list) {
      stations.clearLayers();
      for (const s of list)
        L.circleMarker([s.lat, s.lon], { radius: 5, color: '#455a64', fillOpacity: 0.8 }).bindTooltip(label(s.name)).addTo(stations);
    },
    setUnit(unit, home) {
      const p = unit.lastPosition ?? (home ? { lat: home.lat, lon: home.lon } : null);
      units.get(unit.id)?.remove();
      if (!p) return;
      const busy = !unit.status.startsWith('available') && unit.status !== 'returning';
      units.set(unit.id, L.circleMarker([p.lat, p.lon], { radius: 8, color: busy ? '#6a1b9a' : '#00838f', fillOpacity: 0.9, className: 'unit-marker' })
        .bindTooltip(label(`${unit.callSign} · ${statusText(unit.status)}`), { permanent: false }).addTo(map));
    },
    /** The assigned unit's way to the scene (null removes it). */
    setRoute(incidentId, route) {
      routes.get(incidentId)?.remove();
      routes.delete(incidentId);
      if (route) routes.set(incidentId, routeLayer(route).addTo(map));
    },
    setIncident(incident) {
      incidents.get(incident.id)?.remove();
      if (incident.status === 'closed' || incident.status === 'cancelled') return;
      incidents.set(incident.id, L.circleMarker([incident.location.lat, incident.location.lon], {
        radius: 10, color: triageColour[incident.triage], fillColor: triageColour[incident.triage], fillOpacity: 0.6, className: 'incident-marker',
      }).bindTooltip(label(`#${incident.id} ${incident.triage} · ${statusText(incident.status)}`)).addTo(map));
    },
  };
}

/** A route as a line: solid along roads, dashed when it is only the straight line. */
export function routeLayer(route) {
  const road = route.basis === 'road';
  return L.geoJSON(route.geometry, {
    style: { color: road ? '#1565c0' : '#757575', weight: road ? 5 : 3, opacity: 0.8, dashArray: road ? null : '6 6', className: 'route-line' },
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
  let confirmed = null, suggestion = null, circle = null;
  const confirm = latlng => {
    if (confirmed) confirmed.setLatLng(latlng);
    else {
      confirmed = L.marker(latlng, { draggable: true, keyboard: true, title: 'confirmed' }).addTo(view.map);
      confirmed.on('dragend', () => onChange(confirmed.getLatLng()));
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
    get point() { return confirmed?.getLatLng() ?? null; },
    dispose() {
      view.map.off('click', click);
      [confirmed, suggestion, circle].forEach(layer => layer?.remove());
    },
  };
}
