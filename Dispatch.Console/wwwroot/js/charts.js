// @ts-check
// Charts (Chart.js, bundled from npm) and a colour scale, shared by the reports and planning pages (the map is area-map.js).
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
