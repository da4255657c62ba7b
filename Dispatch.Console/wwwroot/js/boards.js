// @ts-check
// The console's boards: active incidents (most urgent first, with how long each has waited and in
// which status) and units. Rows are rebuilt on change; the clocks and colours move every second.
import { el, duration, secondsSince } from './common.js';
import { t, statusText } from './i18n.js';
import { byUrgency, sinceCallLevel, inStatusLevel, alarmAfter, unacknowledgedSince } from './urgency.js';

const chip = status => el('span', { class: `status-chip status-${status}` }, statusText(status));

/**
 * @param {HTMLElement} body the incidents table's tbody
 * @param {IncidentView[]} list active incidents
 * @param {{ config: any, units: Map<number, UnitView>, openId: number | null, foundId?: number | null, open: (id: number) => void, assign: Function, close: Function, cancel: Function }} actions
 */
export function renderIncidents(body, list, actions) {
  const focused = document.activeElement?.closest?.('tr.incident')?.getAttribute('data-incident-id');
  const rows = list.sort(byUrgency).map(i => {
    const waiting = i.waitingForUnit;
    const row = el('tr', {
      class: `incident triage-${i.triage}${waiting ? ' waiting' : ''}${i.isMajor ? ' major' : ''}${actions.openId === i.id ? ' open' : ''}${actions.foundId === i.id ? ' found' : ''}`, tabindex: '0',
      dataset: { incidentId: i.id, triage: i.triage, status: i.status, unacked: unacknowledgedSince(i) ?? '' },
      onclick: e => { if (!e.target.closest('button, input')) actions.open(i.id); },
    },
      el('td', {}, `#${i.id}`),
      el('td', {}, el('span', { class: `chip triage-${i.triage}` }, t(i.triage))),
      el('td', { class: 'status', dataset: { status: i.status } }, chip(i.status)),
      el('td', { class: 'since clock', dataset: { since: i.times.callReceived, clock: 'call' } }, duration(secondsSince(i.times.callReceived))),
      el('td', { class: 'in-status clock', dataset: { since: i.statusSince ?? '', clock: 'status' } }, i.statusSince ? duration(secondsSince(i.statusSince)) : '—'),
      el('td', { class: 'place' }, i.address ?? '', i.kelurahan ? el('div', { class: 'muted' }, i.kelurahan.name) : null),
      el('td', { class: 'unit' }, unitsCell(i)),
      el('td', { class: 'actions' }, ...rowActions(i, waiting, actions)));
    return row;
  });
  body.replaceChildren(...(rows.length ? rows : [el('tr', { class: 'empty' }, el('td', { colspan: '8', class: 'muted' }, t('noIncidents')))]));
  if (focused) /** @type {HTMLElement | null} */ (body.querySelector(`tr[data-incident-id='${focused}']`))?.focus();
  tickBoards(actions.config);
}

/** Every unit on the incident now, each with its status; an incident without one says it waits for a unit. */
function unitsCell(i) {
  const responses = i.responses ?? [];
  const active = responses.filter(r => !r.endedAt);
  // Every unit back in service: the units that served it, until it is closed.
  if (!active.length && i.status === 'cleared')
    return responses.filter(r => r.endReason === 'completed').map(r => el('span', { class: 'unit-on done', dataset: { unitId: r.unitId } }, r.callSign));
  if (!active.length) return el('span', { class: 'no-unit' }, t(responses.length ? 'waitingForUnitAgain' : 'noUnit'));
  return active.map(r => el('span', { class: `unit-on status-${r.status}${r.status === 'dispatched' ? ' unacked' : ''}`, dataset: { unitId: r.unitId }, title: statusText(r.status) },
    r.callSign, r.via === 'radio' ? el('small', { class: 'via-radio', title: t('viaRadio') }, ' ⌁') : null));
}

function rowActions(i, waiting, actions) {
  if (i.status === 'cleared') return [el('button', { type: 'button', class: 'close-incident', onclick: () => actions.close(i.id) }, t('closeIncident'))];
  const cancel = el('button', { type: 'button', class: 'cancel-incident', onclick: e => askReason(e.currentTarget.parentElement, i.id, actions) }, t('cancel'));
  return waiting
    ? [el('button', { type: 'button', class: 'assign-incident primary', onclick: () => actions.assign(i.id) }, t('assign'), ' ', el('kbd', {}, 'Alt+R')), ' ', cancel]
    : [cancel];
}

/** Cancelling asks for the reason in the row itself (Enter confirms, Esc leaves it). */
function askReason(cell, id, actions) {
  const input = el('input', { class: 'cancel-reason', 'aria-label': t('reason'), placeholder: t('reason'), maxlength: '500' });
  const confirm = () => { if (input.value.trim()) actions.cancel(id, input.value.trim()); };
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter') { e.preventDefault(); confirm(); }
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); cell.closest('tr')?.focus(); cell.replaceChildren(...rowActions({ id, status: cell.closest('tr').dataset.status }, cell.closest('tr').classList.contains('waiting'), actions)); }
  });
  cell.replaceChildren(input, el('button', { type: 'button', class: 'confirm-cancel', onclick: confirm }, t('cancelIncident')));
  input.focus();
}

/**
 * @param {HTMLElement} body the units table's tbody
 * @param {UnitView[]} list
 */
export function renderUnits(body, list) {
  body.replaceChildren(...list.sort((a, b) => a.callSign.localeCompare(b.callSign)).map(u => el('tr', { class: 'unit-row', dataset: { unitId: u.id } },
    el('td', {}, u.callSign), el('td', {}, u.type.toUpperCase()), el('td', { class: 'status', dataset: { status: u.status } }, chip(u.status)),
    el('td', { class: 'since', dataset: { since: u.lastPosition?.at ?? '' } }, u.lastPosition ? t('ago', { t: duration(secondsSince(u.lastPosition.at)) }) : t('never')))));
}

/** Moves every clock on the page and colours the incidents' against their targets. */
export function tickBoards(config) {
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-since]')).forEach(e => {
    if (!e.dataset.since) return;
    const seconds = secondsSince(e.dataset.since);
    const d = duration(seconds);
    e.textContent = e.closest('#units-board') ? t('ago', { t: d }) : d;
    const row = /** @type {HTMLElement | null} */ (e.closest('tr.incident'));
    if (!row) return;
    const incident = { triage: row.dataset.triage, status: row.dataset.status };
    e.dataset.level = e.dataset.clock === 'call' ? sinceCallLevel(incident, seconds, config) : inStatusLevel(incident, seconds, config);
    if (e.dataset.clock === 'status') row.classList.toggle('alarm', alarmAfter(incident, seconds, config));
  });
  // A unit notified and not acknowledged past Dispatch:AcknowledgeTimeoutSeconds: the row says so until its crew (or an operator) acts.
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#incidents-board tr.incident')).forEach(row => {
    const since = row.dataset.unacked;
    row.classList.toggle('ack-late', !!since && secondsSince(since) >= (config.acknowledgeTimeoutSeconds ?? 60));
  });
}
