// @ts-check
// The admin page's personal data (UU 27/2022): find what is held about a phone number or an
// incident, hand it over as one JSON file, erase it with a reason; who read whose data (the access
// log); and the check of the hash-chained logs. Every request is itself recorded server-side.
import { api, attempt, el } from './common.js';
import { t, lang, accessActionText } from './i18n.js';

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
const value = (/** @type {string} */ selector) => /** @type {HTMLInputElement} */ ($(selector)).value.trim();
/** @type {{ phone?: string, incidentId?: number } | null} */
let subject = null;
/** @type {any} */
let held = null;
/** @type {number | null} */
let nextBefore = null;

const whenWib = (/** @type {string | null | undefined} */ iso) => (iso ? `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
  timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
}).format(new Date(iso))} WIB` : '');

/** The subject the form names: a number, or an incident id (the server refuses both or neither, naming the field). */
function subjectOfForm() {
  const phone = value('#pd-phone');
  const incident = value('#pd-incident');
  return { ...(phone ? { phone } : {}), ...(incident ? { incidentId: Number(incident) } : {}) };
}

const query = (/** @type {Record<string, string | number | undefined>} */ o) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));

async function find() {
  subject = subjectOfForm();
  held = await api(`/api/admin/personal-data?${query(subject)}`);
  const incidents = held.incidents.map((/** @type {any} */ x) => x.incident.id);
  $('#pd-summary').textContent = t('pdSummary', { calls: held.calls.length, incidents: held.incidents.length });
  $('#pd-incidents').replaceChildren(...held.incidents.map((/** @type {any} */ x) => el('li', {},
    `#${x.incident.id} · ${whenWib(x.incident.times?.callReceived ?? x.incident.times?.created)} · ${x.erasedAt ? t('pdErasedAt', { at: whenWib(x.erasedAt) }) : t('pdHeld')}`)));
  $('#pd-erased').textContent = '';
  $('#pd-result').hidden = false;
  /** @type {HTMLButtonElement} */ ($('#pd-erase-button')).disabled = held.calls.length === 0 && incidents.length === 0;
  /** @type {HTMLButtonElement} */ ($('#pd-download')).disabled = false;
}

/** The document as the person receives it: the JSON the server answered, as a file. */
function download() {
  if (!held) return;
  const name = subject?.incidentId ? `data-pribadi-insiden-${subject.incidentId}.json` : 'data-pribadi-nomor.json';
  const url = URL.createObjectURL(new Blob([JSON.stringify(held, null, 2)], { type: 'application/json' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function erase() {
  if (!subject || !window.confirm(t('pdEraseConfirm', { calls: held?.calls.length ?? 0, incidents: held?.incidents.length ?? 0 }))) return;
  const counts = await api('/api/admin/personal-data/erase', { method: 'POST', body: { ...subject, reason: value('#pd-reason') } });
  // Looking the number up again would find nothing (it is gone): mark what was listed instead.
  const at = whenWib(new Date().toISOString());
  $('#pd-incidents').querySelectorAll('li').forEach(li => { li.textContent = `${li.textContent?.split(' · ').slice(0, 2).join(' · ')} · ${t('pdErasedAt', { at })}`; });
  held = null;
  /** @type {HTMLButtonElement} */ ($('#pd-erase-button')).disabled = true;
  /** @type {HTMLButtonElement} */ ($('#pd-download')).disabled = true;
  $('#pd-erased').textContent = t('pdErased', counts);
}

const accessRow = (/** @type {any} */ r) => el('tr', {},
  el('td', {}, whenWib(r.at)),
  el('td', { 'data-verbatim': '' }, r.actor),
  el('td', {}, accessActionText(r.action)),
  el('td', {}, r.incidentId ? `#${r.incidentId}` : r.callId ? t('pdCall', { id: r.callId }) : ''),
  el('td', {}, r.rangeFrom ? `${whenWib(r.rangeFrom)} – ${whenWib(r.rangeTo)}` : ''));

/** The filter of the first page, kept for the pages after it (the inputs may have changed since). */
let accessFilter = {};

async function accessLog(/** @type {boolean} */ more) {
  if (!more) {
    const incident = value('#access-incident');
    accessFilter = incident ? { incidentId: incident } : { user: value('#access-user') };
  }
  const params = query({ ...accessFilter, before: more ? nextBefore ?? undefined : undefined });
  const page = await api(`/api/admin/access-log?${params}`);
  const table = $('#access-log');
  if (!more) {
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ...['securityWhen', 'securityWho', 'accessWhat', 'accessWhich', 'accessPeriod'].map(h => el('th', {}, t(h))))),
      el('tbody', {}));
  }
  table.querySelector('tbody')?.append(...page.records.map(accessRow));
  nextBefore = page.nextBefore ?? null;
  $('#access-more').hidden = nextBefore === null;
  $('#access-empty').hidden = table.querySelectorAll('tbody tr').length > 0;
}

async function integrity() {
  const report = await api('/api/admin/log-integrity');
  const box = $('#integrity-result');
  box.className = report.ok ? 'integrity-ok' : 'integrity-broken';
  box.textContent = report.ok ? t('integrityOk', { rows: report.rows })
    : t('integrityBroken', { table: report.table ?? '', id: report.firstMismatch ?? '', rows: report.rows });
}

export function startPersonalData() {
  const submit = (/** @type {string} */ form, /** @type {() => Promise<void>} */ action) =>
    $(form).addEventListener('submit', event => { event.preventDefault(); attempt(action); });
  submit('#pd-find', find);
  submit('#pd-erase', erase);
  submit('#access-filter', () => accessLog(false));
  $('#pd-download').addEventListener('click', download);
  $('#access-more').addEventListener('click', () => attempt(() => accessLog(true)));
  $('#integrity-check').addEventListener('click', () => attempt(integrity));
}
