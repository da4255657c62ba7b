// @ts-check
// Incident search in the console: the caller rings back ("where is the ambulance?") and the
// operator finds the incident by number, words of the address or complaint, or day, in seconds.
// Alt+F focuses the box, Enter searches, ↑/↓ move through the results, Enter opens one, Esc closes.
import { api, attempt, el } from './common.js';
import { t, lang, statusText } from './i18n.js';

/**
 * One incident found (GET /api/incidents/search).
 * @typedef {{ id: number, status: string, triage: string, callReceivedAt: string | null, createdAt: string | null,
 *   address: string | null, complaint: string | null, kelurahan: string | null, callerNumbers: string[] }} SearchItem
 * @typedef {{ items: SearchItem[], page: number, pageSize: number, hasMore: boolean }} SearchPage
 */

/**
 * What the console does with a result: show the incident where it shows incidents (true), or
 * answer its full record when it is no longer on the boards (closed or cancelled), to show here.
 * @typedef {(id: number) => Promise<boolean | Record<string, any> | undefined>} OpenIncident
 */

/** A number as people type it: digits with +, spaces, dots, dashes or brackets, at least six digits. */
const looksLikeNumber = (/** @type {string} */ text) => /^\+?[\d\s().-]+$/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 6;

/** @param {string | null | undefined} iso */
const dayAndTime = iso => (iso
  ? `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso))} WIB`
  : '');

/**
 * Builds the search box into `host` and returns what the console's keyboard needs.
 * @param {HTMLElement} host
 * @param {{ open: OpenIncident }} options
 * @returns {{ focus: () => void }}
 */
export function initSearch(host, { open }) {
  const input = /** @type {HTMLInputElement} */ (el('input', {
    id: 'search-text', type: 'search', maxlength: '200', autocomplete: 'off', placeholder: t('searchPlaceholder'), 'aria-label': t('searchLabel'),
  }));
  const day = /** @type {HTMLInputElement} */ (el('input', { id: 'search-day', type: 'date', 'aria-label': t('searchDay'), title: t('searchDay') }));
  const results = /** @type {HTMLElement} */ (el('div', { id: 'search-results', class: 'search-results', role: 'region', 'aria-label': t('searchResults'), hidden: true }));
  const form = /** @type {HTMLFormElement} */ (el('form', { class: 'search-form', role: 'search' }, input, day,
    el('button', { type: 'submit', class: 'search-go' }, t('search'), ' ', el('kbd', {}, 'Alt+F'))));
  host.replaceChildren(form, results);

  /** @type {{ query: string, page: number, items: SearchItem[], hasMore: boolean } | null} */
  let shown = null;

  /** The query string for what was typed, or null when nothing was. */
  const query = () => {
    const text = input.value.trim();
    const params = new URLSearchParams();
    if (text) params.set(looksLikeNumber(text) ? 'phone' : 'q', text);
    if (day.value) { params.set('from', day.value); params.set('to', day.value); }
    return [...params.keys()].length ? params.toString() : null;
  };

  /** @param {string} q @param {number} page */
  async function run(q, page) {
    const found = /** @type {SearchPage | undefined} */ (await attempt(() => api(`/api/incidents/search?${q}&page=${page}`)));
    if (!found) return;
    const before = page === 1 ? [] : shown?.items ?? [];
    shown = { query: q, page, items: [...before, ...found.items], hasMore: found.hasMore };
    render();
    // The first result of this page takes the focus: ↓/↑ and Enter go on from there.
    /** @type {HTMLElement | undefined} */ (results.querySelectorAll('.search-item')[before.length])?.focus();
  }

  function render() {
    if (!shown) return;
    const more = shown.hasMore
      ? el('button', { type: 'button', class: 'search-more', onclick: () => shown && run(shown.query, shown.page + 1) }, t('searchMore'))
      : null;
    results.replaceChildren(...[
      el('div', { class: 'search-head' }, el('strong', {}, t('searchFound', { n: shown.items.length + (shown.hasMore ? '+' : '') })),
        el('button', { type: 'button', class: 'link search-close', onclick: close }, t('closeList'), ' ', el('kbd', {}, 'Esc'))),
      shown.items.length
        ? el('ol', { class: 'search-list' }, ...shown.items.map(item))
        : el('p', { class: 'muted search-none' }, t('searchNone')),
      more].filter(node => node !== null));
    results.hidden = false;
  }

  /** @param {SearchItem} i */
  function item(i) {
    const li = el('li', {
      class: 'search-item', tabindex: '0', dataset: { incidentId: String(i.id), triage: i.triage ?? 'unknown' },
      onclick: () => choose(li, i.id),
      onkeydown: (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter' && e.target === li) { e.preventDefault(); choose(li, i.id); } },
    },
      el('div', { class: 'search-line' },
        el('strong', {}, `#${i.id}`), ' ', el('span', { class: `chip triage-${i.triage ?? 'unknown'}` }, t(i.triage ?? 'unknown')), ' ',
        el('span', { class: `status-chip status-${i.status}` }, statusText(i.status)), ' ',
        el('span', { class: 'muted' }, dayAndTime(i.callReceivedAt ?? i.createdAt))),
      el('div', {}, [i.address, i.kelurahan].filter(Boolean).join(' · ') || t('searchNoAddress')),
      i.complaint ? el('div', { class: 'muted search-complaint' }, i.complaint) : null,
      i.callerNumbers.length ? el('div', { class: 'search-numbers' }, i.callerNumbers.join(', ')) : null);
    return li;
  }

  /** Opens a result: on the boards when it is active, else its record here. @param {HTMLElement} li @param {number} id */
  async function choose(li, id) {
    const opened = await open(id);
    if (opened === true) { close(false); return; }
    if (!opened) return;
    li.querySelector('.search-detail')?.remove();
    const times = /** @type {Record<string, string | null>} */ (opened.times ?? {});
    const point = (/** @type {string} */ key, /** @type {string} */ label) => (times[key] ? el('div', {}, `${t(label)}: ${dayAndTime(times[key])}`) : null);
    li.append(el('div', { class: 'search-detail', role: 'status' },
      el('div', {}, t('searchNotActive', { status: statusText(opened.status) })),
      point('unitNotified', 'searchUnitNotified'), point('onScene', 'onScene'), point('closed', 'searchClosedAt'), point('cancelled', 'searchCancelledAt'),
      opened.cancelReason ? el('div', {}, `${t('reason')}: ${opened.cancelReason}`) : null));
  }

  /** @param {boolean} [refocus] */
  function close(refocus = true) {
    results.hidden = true;
    if (refocus) input.focus();
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = query();
    if (q) run(q, 1);
  });
  // Enter in the day field searches too (a date input does not submit its form by itself in every browser).
  day.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); } });
  results.addEventListener('keydown', e => {
    const items = /** @type {HTMLElement[]} */ ([...results.querySelectorAll('.search-item')]);
    const at = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); return; }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && at >= 0) {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length].focus();
    }
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'Escape' && !results.hidden) { e.preventDefault(); e.stopPropagation(); close(); }
    if (e.key === 'ArrowDown' && !results.hidden) { e.preventDefault(); /** @type {HTMLElement | null} */ (results.querySelector('.search-item'))?.focus(); }
  });

  return { focus: () => { input.focus(); input.select(); } };
}
