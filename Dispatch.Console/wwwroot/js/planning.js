// @ts-check
// The planning page (health office, admin): mounts coverage/placement and calibration for the chosen period.
import { attempt, startPage, showError } from './common.js';
import { wibDate } from './area-map.js';
import { mountCoverage } from './planning-coverage.js';
import { mountCalibration } from './planning-calibration.js';

// any: the element's kind (input, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));

async function load() {
  const period = { from: $('#from').value, to: $('#to').value };
  await Promise.all([attempt(() => mountCoverage($('#coverage'), period)), attempt(() => mountCalibration($('#calibration'), period))]);
  document.body.dataset.loaded = 'true';
}

async function main() {
  if (!await startPage(['healthoffice', 'admin'])) return;
  $('#to').value = wibDate();
  $('#from').value = wibDate(89);
  $('#period').addEventListener('submit', (/** @type {Event} */ e) => { e.preventDefault(); void load(); });
  await load();
}

main().catch(showError);
