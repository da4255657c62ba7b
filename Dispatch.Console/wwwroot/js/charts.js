// @ts-check
// Charts (Chart.js, bundled from npm) and the kelurahan map shading, shared by the reports and planning pages.
import { el } from './common.js';
import { t } from './i18n.js';

/** @type {Record<string, any>} */
const charts = {};

/**
 * A chart on the canvas with this id, or "no data" in its card when it would be empty.
 * @param {string} id
 * @param {any} config Chart.js configuration
 * @param {boolean} hasData
 */
export function chart(id, config, hasData) {
  charts[id]?.destroy();
  delete charts[id];
  const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById(id));
  canvas.hidden = !hasData;
  canvas.parentElement?.querySelector('.empty')?.remove();
  if (!hasData) {
    canvas.after(el('p', { class: 'muted empty' }, t('noData')));
    return;
  }
  charts[id] = new Chart(canvas, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options } });
}

/**
 * Green (0) to red (1) on a continuous scale; grey when there is nothing to show.
 * @param {number | null | undefined} x a share from 0 (good) to 1 (bad)
 */
export const scale = x => (x === null || x === undefined || Number.isNaN(x) ? '#bdbdbd' : `hsl(${Math.round(120 * (1 - Math.min(1, Math.max(0, x))))}, 70%, 45%)`);

/**
 * The kelurahan polygons filled and labelled per kelurahan code, on a Leaflet map.
 * @param {any} map Leaflet map
 * @param {any} areas kelurahan GeoJSON (/api/areas/kelurahan)
 * @param {(code: string) => string} fill
 * @param {(code: string, name: string) => string} tip
 * @returns {any} the layer (remove it before drawing the next)
 */
export function shadeKelurahan(map, areas, fill, tip) {
  return L.geoJSON(areas, {
    style: f => ({ color: '#37474f', weight: 1, fillOpacity: 0.65, fillColor: fill(f?.properties.kode) }),
    onEachFeature: (f, layer) => layer.bindTooltip(el('span', {}, tip(f.properties.kode, f.properties.nama))),
  }).addTo(map);
}

/**
 * A Leaflet map over the kelurahan, with the tiles of /api/config when set.
 * @param {string} id element id
 * @param {any} areas kelurahan GeoJSON
 * @param {{ tileUrl?: string, tileAttribution?: string }} config
 */
export function kelurahanMap(id, areas, config) {
  const map = L.map(id);
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution }).addTo(map);
  map.fitBounds(L.geoJSON(areas).getBounds());
  return map;
}
