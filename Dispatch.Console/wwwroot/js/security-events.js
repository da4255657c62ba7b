// @ts-check
// The admin page's security events: sign-ins, refusals, administration changes, exports and imports,
// newest first, for a range of WIB days, a page at a time. Kinds and details in the page's language.
import { api, attempt, el } from './common.js';
import { t, lang, roleText, securityKindText } from './i18n.js';

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
const pageSize = 100;
/** @type {number | null} */
let nextBefore = null;

/** Today as a WIB calendar day, YYYY-MM-DD (the server reads from/to as WIB days). */
const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

const whenWib = (/** @type {string} */ iso) => `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
  timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
}).format(new Date(iso))} WIB`;

/** What happened, in words where the page has them; paths, files and dates as the server wrote them. */
function detailsOf(/** @type {{kind: string, details: any}} */ e) {
  const d = e.details ?? {};
  switch (e.kind) {
    case 'sign-in': return el('span', {}, roleText(d.role));
    case 'session-ended': return el('span', {}, roleText(d.role));
    case 'sign-in-failed':
    case 'sign-in-throttled':
      return el('span', {}, d.knownUser === false ? t('securityUnknownUser') : d.disabled ? t('securityDisabledUser') : '');
    case 'import':
      return el('span', {}, t(d.dryRun ? 'securityImportPreview' : 'securityImportDone', { rows: d.rows, n: d.imported, s: d.skipped, r: d.rejected }));
    case 'export': return el('span', { 'data-verbatim': '' }, `${d.file} ${d.from} – ${d.to}`);
    case 'planning-simulation': return el('span', { 'data-verbatim': '' }, `${d.from} – ${d.to}`);
    default: return el('span', { 'data-verbatim': '' }, [d.method, d.path].filter(Boolean).join(' '));
  }
}

const row = (/** @type {any} */ e) => el('tr', {},
  el('td', {}, whenWib(e.at)),
  el('td', {}, securityKindText(e.kind)),
  el('td', { 'data-verbatim': '' }, e.actor ?? '—'),
  el('td', { 'data-verbatim': '' }, e.address ?? ''),
  el('td', {}, detailsOf(e)));

async function show(/** @type {boolean} */ more) {
  const from = /** @type {HTMLInputElement} */ ($('#security-from')).value;
  const to = /** @type {HTMLInputElement} */ ($('#security-to')).value;
  const query = new URLSearchParams({ from, to, limit: String(pageSize) });
  if (more && nextBefore !== null) query.set('before', String(nextBefore));
  const page = await api(`/api/admin/security-events?${query}`);
  const table = $('#security-events');
  if (!more) {
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ...['securityWhen', 'securityKind', 'securityWho', 'securityAddress', 'securityWhat'].map(h => el('th', {}, t(h))))),
      el('tbody', {}));
  }
  table.querySelector('tbody')?.append(...page.events.map(row));
  nextBefore = page.nextBefore ?? null;
  $('#security-more').hidden = nextBefore === null;
  $('#security-empty').hidden = table.querySelectorAll('tbody tr').length > 0;
}

export async function startSecurityEvents() {
  const today = todayWib();
  /** @type {HTMLInputElement} */ ($('#security-from')).value = today;
  /** @type {HTMLInputElement} */ ($('#security-to')).value = today;
  $('#security-filter').addEventListener('submit', event => { event.preventDefault(); attempt(() => show(false)); });
  $('#security-more').addEventListener('click', () => attempt(() => show(true)));
  await show(false);
}
