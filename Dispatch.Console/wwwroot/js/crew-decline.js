// @ts-check
// Declining an assignment the crew cannot take (breakdown, no ALS crew on board), before
// accepting it: a sheet with a few quick reasons and free text. The server decides whether a
// decline is still allowed (assignment.canDecline); operators are alerted at once.
import { api, ApiError, el, attempt } from './common.js';
import { t } from './i18n.js';
import { needsSignal } from './crew-notes.js';

/** The quick reasons, as i18n keys; the text sent is the one the crew sees (or edited). */
const quickReasons = ['crewReasonBreakdown', 'crewReasonNoAls', 'crewReasonCrewShort'];

const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));

/**
 * @param {number} unitId
 * @param {{ current: () => AssignmentView | null, onDeclined: (declined: AssignmentView, reason: string) => Promise<void> }} hooks
 *   current: the assignment on the screen; onDeclined: after the server took the decline.
 */
export function createDecline(unitId, hooks) {
  const sheet = $('#decline-sheet');
  /** @type {HTMLTextAreaElement} */
  const reason = $('#decline-reason');

  $('#decline-quick').replaceChildren(...quickReasons.map(key => el('button', { type: 'button', class: 'quick', dataset: { reason: key },
    onclick: () => { reason.value = t(key); $('#decline-send').focus(); } }, t(key))));

  function open() {
    reason.value = '';
    sheet.hidden = false;
    $('#decline-quick button').focus();
  }

  const close = () => { sheet.hidden = true; };

  async function send() {
    const declined = hooks.current();
    if (!declined) { close(); return; }
    const text = reason.value.trim();
    if (!text) {
      reason.focus();
      throw new ApiError(422, { code: 'reason-required' });
    }
    await api(`/api/units/${unitId}/decline`, { method: 'POST', body: { reason: text, incidentId: declined.incidentId } }).catch(needsSignal);
    close();
    await hooks.onDeclined(declined, text);
  }

  $('#decline').addEventListener('click', open);
  $('#decline-send').addEventListener('click', () => attempt(send));
  $('#decline-cancel').addEventListener('click', close);
  return { close };
}
