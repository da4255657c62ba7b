// @ts-check
// The reports page's protocol table (issue 15): per card, how often the triage the operator chose
// differs from the card's suggestion (GET /api/reports/protocol-triage, same period as the page).
import { api, el, attempt } from './common.js';
import { t } from './i18n.js';

/** @param {string} query the page's filter as a query string (only from and to apply) */
export async function loadProtocolReport(query) {
  /** @type {{ cardId: string, uses: number, differing: number, differingPercent: number }[] | undefined} */
  const lines = await attempt(() => api(`/api/reports/protocol-triage?${query}`));
  if (!lines) return;
  const table = /** @type {HTMLTableElement} */ (document.querySelector('#protocol-report'));
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ['protocolCard', 'protocolUses', 'protocolDiffering', 'protocolDifferingPct'].map(h => el('th', {}, t(h))))),
    el('tbody', {}, lines.length === 0 ? el('tr', {}, el('td', { colspan: 4, class: 'muted' }, t('noDataRange')))
      : lines.map(l => el('tr', { dataset: { cardId: l.cardId } }, el('td', {}, l.cardId), el('td', {}, l.uses), el('td', {}, l.differing),
        el('td', {}, `${l.differingPercent.toLocaleString()} %`)))));
}
