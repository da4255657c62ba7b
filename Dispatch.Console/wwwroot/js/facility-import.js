// @ts-check
// Admin: free beds of many facilities at once from a national bed data CSV, previewed (dry run)
// before it is applied; unknown facilities are listed, and created only when asked.
import { api, attempt } from './common.js';
import { t } from './i18n.js';

/** @param {() => Promise<void>} reload the admin page's lists, after an import changed them */
export function startFacilityImport(reload) {
  const form = /** @type {HTMLFormElement} */ (document.querySelector('#facility-import-form'));
  const file = /** @type {HTMLInputElement} */ (document.querySelector('#facility-import-file'));
  const create = /** @type {HTMLInputElement} */ (document.querySelector('#facility-import-create'));
  const result = /** @type {HTMLElement} */ (document.querySelector('#facility-import-result'));

  const send = async (/** @type {boolean} */ dryRun) => {
    if (!file.files?.length) { file.reportValidity(); return; }
    const data = new FormData();
    data.append('file', file.files[0]);
    const report = await api(`/api/admin/facilities/import?dryRun=${dryRun}&create=${create.checked}`, { method: 'POST', form: data });
    result.dataset.dryRun = String(report.dryRun);
    result.textContent = t('facilityImportResult', {
      matched: report.matched, updated: report.updated, created: report.created, unknown: report.unknown.length,
      names: report.unknown.map((/** @type {{ code: string | null, name: string | null }} */ u) => u.name ?? u.code).join(', ') || '—',
    });
    if (!dryRun) await reload();
  };
  document.querySelector('#facility-import-preview')?.addEventListener('click', () => attempt(() => send(true)));
  form.addEventListener('submit', e => { e.preventDefault(); attempt(() => send(false)); });
}
