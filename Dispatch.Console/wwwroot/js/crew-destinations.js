// @ts-check
// The crew's destination list: hospitals and puskesmas nearest first by road ETA from the unit
// (the server orders them; a straight-line estimate says so), each with its availability and age.
// Choosing a full or diverting hospital asks once more: the choice stays the crew's.
import { api, el } from './common.js';
import { t, edStatusText } from './i18n.js';
import { availabilityText, etaText } from './availability.js';

/**
 * @param {number} unitId
 * @param {{ select: HTMLSelectElement, warning: HTMLElement, warningText: HTMLElement, confirm: HTMLButtonElement, cancel: HTMLButtonElement,
 *   onConfirmed: () => void }} parts
 */
export function createDestinations(unitId, parts) {
  /** @type {DestinationView[]} */
  let list = [];
  /** @type {number | null} a full or diverting hospital the crew confirmed */
  let confirmed = null;

  function render() {
    const chosen = parts.select.value;
    parts.select.replaceChildren(el('option', { value: '' }, t('chooseDestination')),
      ...list.map(d => el('option', { value: d.id, dataset: { warn: String(d.warn) } },
        [d.name, etaText(d), d.kind === 'hospital' ? availabilityText(d.availability) : null].filter(Boolean).join(' · '))));
    parts.select.value = list.some(d => String(d.id) === chosen) ? chosen : '';
  }

  parts.cancel.addEventListener('click', () => { parts.warning.hidden = true; parts.select.value = ''; parts.select.focus(); });
  parts.confirm.addEventListener('click', () => { confirmed = Number(parts.select.value); parts.warning.hidden = true; parts.onConfirmed(); });
  parts.select.addEventListener('change', () => { parts.warning.hidden = true; });

  return {
    /** Loads the list again (the unit moved, a hospital reported). */
    async load() {
      list = await api(`/api/units/${unitId}/destinations`);
      render();
    },
    /** Re-labels the ages without asking the server. */
    render,
    /**
     * Whether the chosen destination may be sent now; for a full or diverting hospital not yet
     * confirmed, shows the warning and answers false.
     * @param {number} id
     */
    mayGo(id) {
      const d = list.find(x => x.id === id);
      if (!d?.warn || confirmed === id) return true;
      parts.warningText.textContent = t('destinationWarn', { name: d.name, status: edStatusText(d.availability?.edStatus) });
      parts.warning.hidden = false;
      parts.confirm.focus();
      return false;
    },
  };
}
