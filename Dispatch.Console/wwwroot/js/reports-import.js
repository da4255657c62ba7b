// @ts-check
// Reports page: history import. Columns mapped to fields (a time field whole, or its date and its
// time in two columns), a time format and zone per column where they differ, file values mapped
// to ours (unknown ones listed by the preview), named mappings saved and loaded, and the import
// run as a job whose upload and progress are shown.
import { api, attempt, el, ApiError } from './common.js';
import { t, lang, sourceText, importFieldText } from './i18n.js';

const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const timeFields = ['callReceived', 'callAnswered', 'incidentCreated', 'unitNotified', 'unitAcknowledged', 'enRoute', 'onScene',
  'leftScene', 'atDestination', 'handover', 'backInService', 'closed'];
const fields = ['externalId', ...timeFields, 'triage', 'lat', 'lon', 'unit', 'complaint', 'category', 'source'];
const sources = ['line119', 'ncc', 'app', 'radio', 'walkin'];
// Time formats by example (the server reads .NET formats; people recognise the example).
const wholeFormats = [
  ['yyyy-MM-dd HH:mm:ss', '2025-03-03 08:05:00'], ['yyyy-MM-dd HH:mm', '2025-03-03 08:05'], ['dd/MM/yyyy HH:mm:ss', '03/03/2025 08:05:00'],
  ['dd/MM/yyyy HH:mm', '03/03/2025 08:05'], ['d/M/yyyy H:mm', '3/3/2025 8:05'], ['dd-MM-yyyy HH:mm:ss', '03-03-2025 08:05:00'],
  ['dd-MM-yyyy HH:mm', '03-03-2025 08:05'], ['M/d/yyyy h:mm:ss tt', '3/3/2025 8:05:00 AM'], ['MM/dd/yyyy hh:mm:ss tt', '03/03/2025 08:05:00 AM'], ['iso', null],
];
const dateFormats = [['yyyy-MM-dd', '2025-03-03'], ['dd/MM/yyyy', '03/03/2025'], ['d/M/yyyy', '3/3/2025'], ['dd-MM-yyyy', '03-03-2025'], ['MM/dd/yyyy', '03/03/2025 (M/D)']];
const clockFormats = [['HH:mm:ss', '08:05:00'], ['HH:mm', '08:05'], ['H:mm', '8:05'], ['h:mm tt', '8:05 AM']];
const timeZones = [['Asia/Jakarta', 'tzWib'], ['Asia/Makassar', 'tzWita'], ['Asia/Jayapura', 'tzWit'], ['UTC', 'tzUtc']];
/** @type {Record<string, Record<string, string>>} file value -> our value, per field */
let values = {};
let unitChoices = [];
let reload = async () => {};

const isTime = field => timeFields.includes(field.split('.')[0]);
const fieldText = field => {
  const [name, part] = field.split('.');
  return part ? t(part === 'date' ? 'importDatePart' : 'importTimePart', { field: importFieldText(name) }) : importFieldText(name);
};
const flagText = flag => (flag === 'location' ? t('importFlagLocation') : importFieldText(flag));
const option = (value, text, selected = false) => el('option', { value, selected }, text);

/** The header and the first data row of the file (a sample value beside each column helps to map it). */
async function readHead(file) {
  const [first, second = ''] = (await file.slice(0, 64 * 1024).text()).split(/\r?\n/);
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  const cells = line => line.split(delimiter).map(h => h.replace(/^"|"$/g, '').trim());
  return { headers: cells(first), sample: cells(second) };
}

// A header that names a field (in code or in words, in either language) is mapped to it at once.
const guessField = header => fields.find(f => f.toLowerCase() === header.toLowerCase() || importFieldText(f).toLowerCase() === header.toLowerCase()) ?? '';

/** One column's choices: its field, and for a time column its own format and zone ("as above" by default). */
function columnRow(header, sample, field) {
  const formats = el('select', { class: 'column-format', 'aria-label': t('timeFormatChoice') }, option('', t('importAsGeneral')),
    ...[...wholeFormats, ...dateFormats, ...clockFormats].map(([f, example]) => option(f, example ?? 'ISO 8601')));
  const zones = el('select', { class: 'column-zone', 'aria-label': t('timeZoneChoice') }, option('', t('importAsGeneral')), ...timeZones.map(([z, label]) => option(z, t(label))));
  const choice = el('select', { dataset: { header } }, option('', t('ignored')),
    ...fields.flatMap(f => (isTime(f) ? [f, `${f}.date`, `${f}.time`] : [f])).map(f => option(f, fieldText(f), f === field)));
  const own = el('span', { class: 'column-time' }, formats, zones);
  const show = () => { own.hidden = !isTime(choice.value); };
  choice.addEventListener('change', show);
  show();
  // The file's header and first value are shown as the file writes them (data-verbatim).
  return el('div', { class: 'mapping-row', dataset: { header } }, el('label', {},
    el('span', {}, `${t('column')} `, el('q', { 'data-verbatim': '' }, header),
      sample ? el('span', { class: 'muted' }, ` (${t('columnSample')} `, el('span', { 'data-verbatim': '' }, sample), ')') : null), choice), own);
}

async function showMapping() {
  const file = $('#import-file').files[0];
  $('#import-result').replaceChildren();
  $('#unknown-values').replaceChildren();
  if (!file) { $('#mapping').replaceChildren(); return; }
  const { headers, sample } = await readHead(file);
  $('#mapping').replaceChildren(...headers.map((h, i) => columnRow(h, sample[i], guessField(h))));
}

/** The mapping JSON the server reads (README "Reports, exports and history import"). */
function currentMapping() {
  const columns = {}, timeFormats = {};
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#mapping .mapping-row')).forEach(row => {
    const header = /** @type {string} */ (row.dataset.header);
    const field = /** @type {HTMLSelectElement} */ (row.querySelector('select[data-header]')).value;
    if (!field) return;
    columns[header] = field;
    const format = /** @type {HTMLSelectElement} */ (row.querySelector('.column-format')).value;
    const timeZone = /** @type {HTMLSelectElement} */ (row.querySelector('.column-zone')).value;
    if (isTime(field) && (format || timeZone)) timeFormats[header] = { format: format || null, timeZone: timeZone || null };
  });
  return { columns, timeFormat: $('#time-format').value, timeZone: $('#time-zone').value, timeFormats, values };
}

/** Puts a saved mapping into the page's choices (columns the file does not have are left out). */
function applyMapping(mapping) {
  $('#time-format').value = mapping.timeFormat ?? 'iso';
  $('#time-zone').value = mapping.timeZone ?? 'Asia/Jakarta';
  values = structuredClone(mapping.values ?? {});
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#mapping .mapping-row')).forEach(row => {
    const header = /** @type {string} */ (row.dataset.header);
    const choice = /** @type {HTMLSelectElement} */ (row.querySelector('select[data-header]'));
    choice.value = mapping.columns?.[header] ?? '';
    choice.dispatchEvent(new Event('change'));
    /** @type {HTMLSelectElement} */ (row.querySelector('.column-format')).value = mapping.timeFormats?.[header]?.format ?? '';
    /** @type {HTMLSelectElement} */ (row.querySelector('.column-zone')).value = mapping.timeFormats?.[header]?.timeZone ?? '';
  });
}

async function loadSavedList() {
  const saved = await api('/api/imports/mappings');
  $('#saved-mapping').replaceChildren(option('', t('importNoSaved')), ...saved.map(m => option(m.name, m.name)));
  return saved;
}

async function loadSaved() {
  const name = $('#saved-mapping').value;
  const saved = (await loadSavedList()).find(m => m.name === name);
  if (saved) { applyMapping(saved.mapping); $('#mapping-name').value = saved.name; $('#saved-mapping').value = saved.name; }
}

async function saveMapping() {
  const name = $('#mapping-name').value.trim();
  if (!name) { $('#mapping-name').focus(); return; }
  await api(`/api/imports/mappings/${encodeURIComponent(name)}`, { method: 'PUT', body: currentMapping() });
  await loadSavedList();
  $('#saved-mapping').value = name;
  $('#import-status').textContent = t('importMappingSaved', { name });
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
async function upload(path, form, onProgress) {
  const token = (await api('/api/auth/antiforgery')).requestToken;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-TOKEN', token);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      const data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      if (xhr.status === 401) location.href = '/login';
      if (xhr.status >= 200 && xhr.status < 300) resolve(data); else reject(new ApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

/** Shows the upload, then the server's counts while the job runs; resolves to the job's report. */
async function runJob(file, dryRun) {
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', JSON.stringify(currentMapping()));
  const bar = $('#import-bar'), status = $('#import-status');
  $('#import-progress').hidden = false;
  bar.value = 0;
  status.textContent = t('importUploading');
  const started = await upload(`/api/imports/incidents?async=true&dryRun=${dryRun}`, form, share => {
    bar.value = share;
    status.textContent = t('importUploadingShare', { pct: Math.round(share * 100) });
  });
  bar.removeAttribute('value'); // the server's part: rows are counted, their total is not known ahead
  for (;;) {
    const job = await api(`/api/imports/incidents/jobs/${started.jobId}`);
    const p = job.progress;
    status.textContent = t('importProgress', { rows: p.rows, n: p.imported, s: p.skipped, f: p.flagged, r: p.rejected });
    if (job.status === 'done') { bar.value = 1; return job.report; }
    if (job.status === 'failed') throw new ApiError(500, { detail: job.error, code: 'import-failed' });
    await new Promise(r => setTimeout(r, 400));
  }
}

function rejectionText(row) {
  const text = t(`reject-${row.code}`, { field: importFieldText(row.field), value: row.value ?? '' });
  return text === `reject-${row.code}` ? row.reason : text;
}

const choicesOf = field => ({
  triage: ['merah', 'kuning', 'hijau', 'hitam'].map(x => [x, t(x)]),
  unit: unitChoices.map(u => [u.callSign, u.callSign]),
  source: sources.map(s => [s, sourceText(s)]),
  category: ['trauma', 'nonTrauma'].map(x => [x, t(x)]),
})[field] ?? [];

/** The file values the import did not understand, each with a choice of ours; choosing maps it for the next run. */
function showUnknown(report) {
  const lists = Object.entries(report.unknownValues ?? {}).filter(([, list]) => list.length > 0);
  $('#unknown-values').replaceChildren(...(lists.length ? [el('h3', {}, t('importUnknownTitle')), el('p', { class: 'muted' }, t('importUnknownHelp'))] : []),
    ...lists.map(([field, list]) => el('table', { class: 'unknown-values', dataset: { field } },
      el('caption', {}, importFieldText(field)),
      el('tbody', {}, ...list.map(v => {
        const select = el('select', { 'aria-label': `${importFieldText(field)}: ${v.value}` }, option('', t('importNotMapped')),
          ...choicesOf(field).map(([value, text]) => option(value, text, values[field]?.[v.value] === value)));
        select.addEventListener('change', () => {
          values[field] ??= {};
          if (select.value) values[field][v.value] = select.value; else delete values[field][v.value];
        });
        return el('tr', {}, el('td', { 'data-verbatim': '' }, v.value), el('td', {}, t('importRows', { n: v.count })), el('td', {}, select));
      })))),
    ...(lists.length ? [el('button', { type: 'button', id: 'import-remap' }, t('importRemap'))] : []));
  $('#import-remap')?.addEventListener('click', () => attempt(() => runImport(true)));
}

async function runImport(dryRun) {
  const file = $('#import-file').files[0];
  if (!file) { $('#import-result').replaceChildren(el('p', { class: 'error' }, t('chooseFile'))); return; }
  const result = await runJob(file, dryRun);
  const counts = { n: result.imported, s: result.skipped, r: result.rejectedCount };
  const flagged = Object.entries(result.flagged).map(([flag, n]) => `${flagText(flag)}: ${n}`).join(', ');
  const timeOf = iso => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
  showUnknown(result);
  // replaceChildren writes a null as the text "null": the absent parts are filtered out.
  $('#import-result').replaceChildren(...[
    el('p', { class: 'import-outcome' }, dryRun ? t('willImport', counts) : t('importedDone', counts)),
    result.flaggedRows ? el('p', { class: 'import-flagged' }, t('importFlagged', { n: result.flaggedRows, list: flagged })) : null,
    result.rejected.length ? el('h3', {}, t('rejectedRows')) : null,
    result.rejected.length ? el('table', { class: 'rejected' }, el('tbody', {}, ...result.rejected.map(x => el('tr', {},
      el('td', {}, `${t('line')} ${x.line}`), el('td', { 'data-verbatim': '' }, x.externalId ?? ''), el('td', {}, rejectionText(x)))))) : null,
    result.rejectedCount > result.rejected.length ? el('p', { class: 'muted' }, t('importRejectedMore', { n: result.rejected.length, total: result.rejectedCount })) : null,
    dryRun && result.preview.length ? el('h3', {}, t('previewRows')) : null,
    dryRun && result.preview.length ? el('table', { class: 'preview' },
      el('thead', {}, el('tr', {}, ...['externalId', 'callReceived', 'triage', 'unit'].map(f => el('th', {}, importFieldText(f))), el('th', {}, t('importMissing')))),
      el('tbody', {}, ...result.preview.map(p => el('tr', {}, el('td', { 'data-verbatim': '' }, p.externalId), el('td', {}, `${timeOf(p.callReceived)} WIB`),
        el('td', {}, p.triage ? t(p.triage.toLowerCase()) : '—'), el('td', { 'data-verbatim': '' }, p.unit ?? '—'),
        el('td', { class: 'missing' }, p.missing.map(flagText).join(', ')))))) : null].filter(x => x !== null));
  if (!dryRun) await reload();
}

/** Fills the import's choices and wires its buttons; <paramref name="afterImport"/> reloads the report. */
export async function setupImport(setup, afterImport) {
  unitChoices = setup.units;
  reload = afterImport;
  $('#time-format').append(...wholeFormats.map(([format, example]) => option(format, example ?? t('isoExample', { example: '2025-03-03T08:05:00+07:00' }))));
  $('#time-zone').append(...timeZones.map(([zone, label]) => option(zone, t(label))));
  $('#import-file').addEventListener('change', () => attempt(showMapping));
  $('#import-preview').addEventListener('click', () => attempt(() => runImport(true)));
  $('#import-run').addEventListener('click', () => attempt(() => runImport(false)));
  $('#mapping-load').addEventListener('click', () => attempt(loadSaved));
  $('#mapping-save').addEventListener('click', () => attempt(saveMapping));
  await loadSavedList();
}
