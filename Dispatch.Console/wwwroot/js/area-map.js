// @ts-check
// The kelurahan map the reports and planning pages share: Kota Solok's kelurahan boundaries
// (/api/areas/kelurahan), the configured tiles, and a shading layer redrawn for each result.
import { api, el } from './common.js';

/** @type {Promise<[any, any]> | undefined} */
let loaded;

/** The kelurahan GeoJSON and the page settings (/api/config), fetched once per page. */
export function areasAndConfig() {
  return (loaded ??= Promise.all([api('/api/areas/kelurahan'), api('/api/config')]));
}

/**
 * A Leaflet map in `element` with the configured tiles (none when the URL is empty), fitted to the kelurahan.
 * @param {HTMLElement | string} element
 */
export async function areaMap(element) {
  const [areas, config] = await areasAndConfig();
  const map = L.map(element);
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution }).addTo(map);
  map.fitBounds(L.geoJSON(areas).getBounds());
  return { map, areas, config };
}

/**
 * Shades every kelurahan: `fill(code)` is its colour, `label(code, name)` its tooltip. Returns the
 * layer; remove it before drawing the next result.
 * @param {import('leaflet').Map} map
 * @param {any} areas the kelurahan GeoJSON
 * @param {(code: string) => string} fill
 * @param {(code: string, name: string) => string} label
 */
export function shadeAreas(map, areas, fill, label) {
  return L.geoJSON(areas, {
    style: f => ({ color: '#37474f', weight: 1, fillOpacity: 0.65, fillColor: fill(f?.properties.kode) }),
    onEachFeature: (f, layer) => { layer.bindTooltip(el('span', {}, label(f.properties.kode, f.properties.nama))); },
  }).addTo(map);
}

/**
 * A WIB calendar date (YYYY-MM-DD) `daysBack` days before now: the default period of the pages.
 * @param {number} [daysBack]
 */
export function wibDate(daysBack = 0) {
  return new Date(Date.now() - daysBack * 86400e3 + 7 * 3600e3).toISOString().slice(0, 10);
}
