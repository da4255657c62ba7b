// @ts-check
// Operator console: live call queue, keyboard-first call taking, duplicates, recommendation, boards.
// Every action goes through attempt() (common.js): a refusal is shown, in the page's language.
import { api, el, timeWib, duration, secondsSince, startPage, connectHub, attempt, showError, ApiError } from './common.js';
import { t, statusText, sourceText, flagsText } from './i18n.js';
import { createMap, callPoint } from './map.js';
import { trackRoutes, showRoadStatus } from './routes.js';
import { sound, checkSound, enableSound, ringWhile } from './alarm.js';
import { callStart, alarming, ackLate } from './urgency.js';
import { renderIncidents, renderUnits, tickBoards } from './boards.js';
import { trackConnection } from './connection.js';
import { initSearch } from './search.js';
import { createIncidentPanel } from './incident-panel.js';
import { createProtocolPanel } from './protocol-panel.js';

const calls = new Map();      // open calls by id
const incidents = new Map();  // active incidents by id
const units = new Map();      // units by id
let stations = new Map();
/** @type {Map<number, PreNotificationView>} the hospitals' view of patients on their way, by response id */
const prenotifications = new Map();
let me, config, view, routes;
/** @type {{ focus: () => void } | undefined} */
let search;
/** @type {{ call: CallView, point: ReturnType<typeof callPoint> | null } | null} */
let current = null;   // the call being taken
/** @type {{ incident: IncidentView, candidates: Candidate[], selected: number, wasWaiting: boolean } | null} */
let rec = null;       // the open recommendation (one more unit for the incident in the panel)
/** @type {ReturnType<typeof createIncidentPanel>} */
let panel;            // the incident opened from the board
/** @type {ReturnType<typeof createProtocolPanel>} */
let protocol;         // the protocol card run on that incident

// any: the element's kind (input, select, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const checkedTriage = () => /** @type {HTMLInputElement | null} */ (document.querySelector('input[name=triage]:checked'))?.value;
const newer = (old, next) => !old || next.version >= old.version;
const draftKey = id => `psc119.draft.${id}`;

function upsertCall(call) {
  if (!newer(calls.get(call.id), call)) return;
  if (call.status === 'closed') calls.delete(call.id);
  else calls.set(call.id, call);
  // My open call was taken over by someone else (after I left it): the panel closes and says so.
  if (current?.call.id === call.id && (call.status !== 'answered' || call.answeredBy !== me.username)) {
    if (call.status === 'answered') showError(new ApiError(409, { code: 'call-taken-over', detail: call.answeredBy }));
    closeCallPanel();
  }
  renderQueue();
}

/** Shows a hospital's acknowledgement in the open panel at once. @param {number} incidentId */
function refreshPanel(incidentId) {
  const incident = incidents.get(incidentId);
  if (incident && panel.id === incidentId) panel.show(incident);
}

function upsertIncident(incident) {
  const old = incidents.get(incident.id);
  if (!newer(old, incident)) return;
  if (old) alertDeclined(old, incident);
  if (incident.status === 'closed' || incident.status === 'cancelled') incidents.delete(incident.id);
  else incidents.set(incident.id, incident);
  view.setIncident(incident);
  routes.update(incident);
  panel.update(incident);
  if (rec && rec.incident.id === incident.id) {
    rec.incident = incident;
    // Closed or cancelled; or it waited for a unit and another operator sent one: the list would offer a second by mistake.
    if (!incidents.has(incident.id) || (rec.wasWaiting && !incident.waitingForUnit)) closeRecommendation();
    else refreshRecommendationSoon();
  }
  drawIncidents();
}

/** A crew declined: the operators hear it and see it at once (the incident may wait for a unit again). */
function alertDeclined(old, incident) {
  const declined = incident.responses.filter(r => r.endReason === 'declined' && !old.responses.some(o => o.id === r.id && o.endReason === 'declined'));
  if (!declined.length) return;
  sound('alarm');
  const banner = $('#declined');
  for (const r of declined) {
    banner.append(el('div', { class: 'declined-item', dataset: { incidentId: incident.id, unitId: r.unitId } },
      t('declinedAlert', { unit: r.callSign, id: incident.id, reason: r.endNote ?? '' }), ' ',
      el('button', { type: 'button', class: 'open-declined', onclick: () => openIncident(incident.id) }, t('openIncident')), ' ',
      el('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: e => { e.currentTarget.parentElement.remove(); banner.hidden = !banner.childElementCount; } }, '×')));
  }
  banner.hidden = false;
}

function upsertUnit(unit) {
  if (!newer(units.get(unit.id), unit)) return;
  const was = units.get(unit.id);
  units.set(unit.id, unit);
  view.setUnit(unit, stations.get(unit.homeStationId));
  if (unit.incidentId && incidents.has(unit.incidentId)) routes.update(incidents.get(unit.incidentId), true);
  drawUnits();
  // A unit in the open list became busy (another operator took it) or free again: grey it out now, re-rank soon.
  if (rec && was && was.available !== unit.available) {
    renderCandidates();
    refreshRecommendationSoon();
  }
}

function onEvent(e) {
  switch (e.type) {
    case 'CallReceived':
      upsertCall(e.data);
      sound(1);
      document.body.classList.add('alerting');
      setTimeout(() => document.body.classList.remove('alerting'), 1500);
      break;
    case 'CallUpdated': upsertCall(e.data); break;
    case 'IncidentChanged': upsertIncident(e.data); break;
    case 'UnitChanged': upsertUnit(e.data); break;
    case 'NoteAdded': panel.noteAdded(e.data); break;
    // Issue 15: a hospital's availability beside it; its acknowledgement beside the response.
    case 'AvailabilityChanged': stations.set(e.data.id, e.data); view.setStations([...stations.values()]); break;
    case 'PreNotification': prenotifications.set(e.data.responseId, e.data); refreshPanel(e.data.incidentId); break;
    case 'PreNotificationEnded': prenotifications.delete(e.data.responseId); break;
    case 'PatientChanged': panel.patientChanged(e.data); break;
  }
}

// ---- queue -------------------------------------------------------------------------------------

/** The caller's number; a withheld one (the line's own word for it, such as "anonymous") reads as withheld. */
const callerText = call => (call.flags.includes('numberWithheld') ? null : call.callerNumber) ?? t('withheld');

const waitingCalls = () => [...calls.values()].filter(c => c.status === 'waiting').sort((a, b) => callStart(a).localeCompare(callStart(b)));
const canTakeOver = call => call.status === 'answered' && call.answeredBy !== me.username && call.answeredAt
  && secondsSince(call.answeredAt) >= config.takeOverSeconds;

/**
 * A drawing done at most once per 50 ms: a burst of pushes (a busy night, a catch-up after a
 * reconnect) costs one render, not one per event. A timer, not requestAnimationFrame, so that a
 * console in a background tab still updates its title and lists.
 */
function coalesced(draw) {
  let timer = 0;
  return () => { if (!timer) timer = setTimeout(() => { timer = 0; draw(); }, 50); };
}

const renderQueue = coalesced(drawQueue);
const drawIncidents = coalesced(drawIncidentsNow);
const drawUnits = coalesced(drawUnitsNow);

function drawQueue() {
  const list = [...calls.values()].sort((a, b) => callStart(a).localeCompare(callStart(b)));
  $('#queue-empty').hidden = list.length > 0;
  const waiting = list.filter(c => c.status === 'waiting').length;
  document.title = `${waiting ? `(${waiting}) ` : ''}PSC 119 · ${t('consoleTitle')}`;
  $('#queue').replaceChildren(...list.map(call => el('li', { class: `call ${call.status}${call.answeredBy === me.username ? ' mine' : ''}`, dataset: { callId: call.id } },
    el('div', { class: 'call-head' },
      el('strong', { class: 'caller' }, callerText(call)),
      el('span', { class: 'wait', dataset: { since: callStart(call) } }, duration(secondsSince(callStart(call))))),
    el('div', { class: 'muted' }, `${sourceText(call.source)} · ${timeWib(call.receivedAt)}`,
      call.location ? ` · ${t('device')} (${t('accuracy', { m: Math.round(call.location.accuracyMeters ?? 0) })})` : ''),
    call.flags.length ? el('div', { class: 'flags' }, flagsText(call.flags)) : null,
    queueAction(call))));
}

function queueAction(call) {
  if (call.status === 'waiting') return el('button', { type: 'button', class: 'answer primary', onclick: () => answer(call.id) }, t('answer'));
  if (call.answeredBy === me.username) return el('button', { type: 'button', class: 'resume', onclick: () => openCallPanel(call) }, t('resumeCall'));
  const taken = el('div', { class: 'taken' }, t('takenBy', { name: call.answeredBy }));
  if (canTakeOver(call)) taken.append(' ', el('button', { type: 'button', class: 'takeover', onclick: e => takeOver(call.id, e.currentTarget) }, t('takeOver')));
  return taken;
}

async function answer(id) {
  if (current) return;
  const call = await attempt(() => api(`/api/calls/${id}/answer`, { method: 'POST' }));
  if (!call) { renderQueue(); return; }
  upsertCall(call);
  openCallPanel(call);
}

/** Taking over asks twice: the first click arms the button for 5 s, the second acts. */
async function takeOver(id, button) {
  if (current) return;
  if (!button.classList.contains('armed')) {
    button.classList.add('armed');
    button.textContent = t('takeOverConfirm');
    setTimeout(() => { button.classList.remove('armed'); button.textContent = t('takeOver'); }, 5000);
    return;
  }
  const call = await attempt(() => api(`/api/calls/${id}/takeover`, { method: 'POST' }));
  if (!call) return;
  upsertCall(call);
  openCallPanel(call);
}

function answerNext() {
  const next = waitingCalls()[0];
  if (next) answer(next.id);
}

// ---- call taking -------------------------------------------------------------------------------

function openCallPanel(call) {
  if (current?.call.id === call.id) return;
  if (current) closeCallPanel();
  panel.close(); // a call answered comes first: the incident stays on the board
  current = { call, point: null };
  $('#panel-empty').hidden = true;
  const form = $('#call-form');
  form.reset();
  form.hidden = false;
  $('#call-actions').hidden = false;
  $('#form-error').textContent = '';
  $('#call-info').replaceChildren(el('div', {},
    el('strong', {}, callerText(call)), ` · ${sourceText(call.source)} · ${timeWib(call.receivedAt)}`,
    call.flags.length ? el('div', { class: 'flags' }, flagsText(call.flags)) : null));
  current.point = callPoint(view, () => { showPoint(); checkDuplicates(); saveDraft(); });
  current.point.suggest(call.location);
  $('#use-device').disabled = !call.location;
  restoreDraft(call.id);
  showPoint();
  checkDuplicates();
  renderQueue();
  if (!rec) $('#kelurahan').focus();
}

/** What the operator typed is kept per call in the tab, so a reload or a crash loses nothing. */
function saveDraft() {
  if (!current) return;
  const p = current.point?.point;
  sessionStorage.setItem(draftKey(current.call.id), JSON.stringify({
    kelurahan: $('#kelurahan').value, landmark: $('#landmark').value, complaint: $('#complaint').value,
    triage: checkedTriage(), patients: $('#patients').value,
    category: $('#category').value, emergency: $('#emergency').checked, point: p ? { lat: p.lat, lng: p.lng } : null,
  }));
}

function restoreDraft(callId) {
  const draft = JSON.parse(sessionStorage.getItem(draftKey(callId)) ?? 'null');
  if (!draft) return;
  $('#kelurahan').value = draft.kelurahan ?? '';
  $('#landmark').value = draft.landmark ?? '';
  $('#complaint').value = draft.complaint ?? '';
  if (draft.triage) $(`input[name=triage][value=${draft.triage}]`).checked = true;
  $('#patients').value = draft.patients ?? '1';
  $('#category').value = draft.category ?? 'nonTrauma';
  $('#emergency').checked = draft.emergency ?? true;
  if (draft.point) current?.point?.confirm(draft.point);
}

function showPoint() {
  const p = current?.point?.point;
  $('#point-status').textContent = p ? `${t('confirmedPoint')}: ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` : t('noPoint');
}

async function checkDuplicates() {
  const call = current?.call;
  if (!call) return;
  const p = current?.point?.point;
  const query = p ? `?lat=${p.lat}&lon=${p.lng}` : '';
  const matches = await attempt(() => api(`/api/calls/${call.id}/duplicates${query}`));
  if (current?.call !== call || !matches) return;
  const box = $('#duplicates');
  box.hidden = matches.length === 0;
  box.replaceChildren(el('strong', {}, t('duplicateWarning')), ...matches.map(m => {
    const incident = incidents.get(m.incidentId);
    return el('div', { class: 'duplicate' },
      `#${m.incidentId}${incident ? ` · ${t(incident.triage)} · ${incident.address ?? incident.kelurahan?.name ?? ''}` : ''}`,
      el('button', { type: 'button', class: 'attach', onclick: () => attach(m.incidentId) }, t('attach', { id: m.incidentId })));
  }));
}

async function attach(incidentId) {
  if (!current) return; // Alt+G reaches the list of the call before, hidden but still there
  const id = current.call.id;
  if (await attempt(() => api(`/api/calls/${id}/attach`, { method: 'POST', body: { incidentId } }))) endCall(id);
}

async function createIncident(event) {
  event?.preventDefault();
  if (!current || $('#call-form').hidden) return; // the form is behind an open recommendation
  const p = current.point?.point;
  const triage = checkedTriage();
  const body = {
    lat: p?.lat, lon: p?.lng,
    kelurahan: p ? undefined : $('#kelurahan').value || undefined,
    address: $('#landmark').value || undefined,
    complaint: $('#complaint').value || undefined,
    triage, patientCount: Number($('#patients').value || 1),
    isEmergency: $('#emergency').checked, category: $('#category').value,
  };
  const id = current.call.id;
  $('#form-error').textContent = '';
  const incident = await attempt(() => api(`/api/calls/${id}/incident`, { method: 'POST', body }), text => { $('#form-error').textContent = text; });
  if (!incident) return;
  upsertIncident(incident);
  endCall(id);
  await openRecommendation(incident.id);
}

async function closeCall() {
  if (!current) return;
  const id = current.call.id;
  if (await attempt(() => api(`/api/calls/${id}/close`, { method: 'POST', body: { outcome: $('#outcome').value } }))) endCall(id);
}

/** The call is finished (incident, attached, closed): its draft goes, the panel closes. */
function endCall(id) {
  sessionStorage.removeItem(draftKey(id));
  closeCallPanel();
}

function closeCallPanel() {
  current?.point?.dispose();
  current = null;
  $('#call-form').hidden = true;
  $('#call-actions').hidden = true;
  $('#duplicates').hidden = true;
  $('#panel-empty').hidden = !!rec || panel.id !== null;
}

// ---- recommendation: for the incident just created, or any incident without a unit -------------

/** The incident panel (responses, notes, edit) for an incident of the board; the call being taken waits behind it. */
function openIncident(incidentId) {
  const incident = incidents.get(incidentId);
  if (!incident) return;
  if (rec && rec.incident.id !== incidentId) closeRecommendation();
  if (panel.id !== incidentId) protocol.close(); // a card run belongs to the incident it was opened on
  $('#panel-empty').hidden = true;
  $('#call-form').hidden = true;
  $('#call-actions').hidden = true;
  panel.show(incident);
  drawIncidents();
}

function panelClosed() {
  protocol.close();
  if (rec) closeRecommendation();
  if (current) { $('#call-form').hidden = false; $('#call-actions').hidden = false; }
  else $('#panel-empty').hidden = false;
  drawIncidents();
}

/** One more unit for an active incident: the ranked list, in the incident's panel. */
async function openRecommendation(incidentId) {
  const incident = incidents.get(incidentId);
  if (!incident) return;
  openIncident(incidentId);
  rec = { incident, candidates: [], selected: 0, wasWaiting: incident.waitingForUnit };
  hideConfirm();
  $('#recommend').hidden = false;
  $('#recommend-for').textContent = `#${incident.id} · ${t(incident.triage)} · ${incident.address ?? incident.kelurahan?.name ?? ''}`;
  $('#candidates').replaceChildren();
  await refreshRecommendation();
  $('#candidates').focus();
}

async function refreshRecommendation() {
  if (!rec) return;
  const forIncident = rec.incident.id;
  const list = await attempt(() => api(`/api/incidents/${forIncident}/recommendation`));
  if (!list || rec?.incident.id !== forIncident) return;
  rec.candidates = list;
  rec.selected = Math.min(rec.selected, Math.max(0, list.length - 1));
  showRoadStatus($('#roads'), $('#roads-banner')).catch(() => {});
  renderCandidates();
}

/** @type {number | undefined} */
let refreshTimer;
function refreshRecommendationSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshRecommendation, 300);
}

// A divert candidate is committed elsewhere by definition; any other unit that is not available was taken meanwhile.
const busy = c => !c.divertFrom && units.get(c.unitId)?.available === false;

function renderCandidates() {
  if (!rec) return;
  const selected = rec.selected;
  $('#no-candidates').hidden = rec.candidates.length > 0;
  $('#candidates').replaceChildren(...rec.candidates.map((c, i) => el('li', {
    class: `candidate${i === selected ? ' selected' : ''}${busy(c) ? ' busy' : ''}${c.divertFrom ? ' divert' : ''}`, 'aria-selected': i === selected ? 'true' : 'false',
    dataset: { unitId: c.unitId, ...(c.divertFrom ? { divertFrom: c.divertFrom.incidentId } : {}) },
  },
    el('strong', {}, `${c.callSign} (${c.type.toUpperCase()})`), ` ${duration(c.etaSeconds)} · `,
    c.divertFrom ? el('span', { class: 'divert-from' }, t('divertFrom', { id: c.divertFrom.incidentId, triage: t(c.divertFrom.triage) }), ' · ') : null,
    el('span', { class: 'reason' }, busy(c) ? statusText(units.get(c.unitId).status) : candidateReason(c)), ' ',
    el('button', { type: 'button', class: 'assign', disabled: busy(c), onclick: () => assign(c) }, t(c.divertFrom ? 'divert' : 'assign')))));
}

/** Why a unit is where it is in the list, in the page's language, from the candidate's figures (not the server's English sentence). */
function candidateReason(c) {
  const km = m => (m / 1000).toFixed(1);
  const age = duration(c.positionAgeSeconds ?? 0);
  return [
    c.etaBasis === 'road' ? t('reasonRoad', { km: km(c.roadMeters), straight: km(c.distanceMeters) }) : t('reasonStraight', { km: km(c.distanceMeters) }),
    c.positionSource === 'reported' ? t('reasonPosition', { age }) : c.positionAgeSeconds != null ? t('reasonStale', { age }) : t('reasonNoPosition'),
    ...(c.alsPreferenceApplied ? [t('reasonBehindAls', { type: c.type.toUpperCase() })] : []),
  ].join(' · ');
}

/**
 * Sends the unit. A divert candidate is sent only after a confirmation naming the incident it
 * leaves; a unit found committed elsewhere (409 unit-committed: the reason is shown) is offered for
 * diversion; a diversion toward a less urgent incident (409 divert-lower-priority) is asked again.
 * @param {Candidate} c
 */
async function assign(c) {
  if (!rec) return;
  const incidentId = rec.incident.id;
  /** @type {{ unitId: number, divert?: boolean, confirmLowerPriority?: boolean, fromIncidentId?: number }} */
  const body = { unitId: c.unitId };
  let leaves = c.divertFrom?.incidentId;
  if (c.divertFrom) {
    if (!await ask(t('divertConfirm', { unit: c.callSign, id: c.divertFrom.incidentId, triage: t(c.divertFrom.triage) }))) return;
    body.divert = true;
    // The incident the operator agreed to take the unit from: if another operator moved it first, 409.
    body.fromIncidentId = c.divertFrom.incidentId;
  }
  for (;;) {
    /** @type {any} */
    let refusal = null;
    const incident = await attempt(() => api(`/api/incidents/${incidentId}/assign`, { method: 'POST', body }), (_, e) => { refusal = e; });
    if (incident) {
      $('#assign-result').textContent = `${t('assigned')}: ${c.callSign}`;
      closeRecommendation();
      upsertIncident(incident);
      setTimeout(() => { $('#assign-result').textContent = ''; }, 2000);
      return;
    }
    const problem = refusal instanceof ApiError ? refusal.problem : null;
    if (problem?.code === 'unit-committed' && !body.divert && rec?.incident.id === incidentId) {
      leaves = problem.incidentId;
      if (await ask(t('divertOffer', { unit: c.callSign, id: leaves }))) { body.divert = true; body.fromIncidentId = leaves; continue; }
    } else if (problem?.code === 'divert-lower-priority' && !body.confirmLowerPriority && rec?.incident.id === incidentId) {
      if (await ask(t('divertLowerConfirm', { unit: c.callSign, id: leaves ?? '' }))) { body.confirmLowerPriority = true; continue; }
    }
    await refreshRecommendation(); // refused: the list shows what is left
    return;
  }
}

/** @type {((yes: boolean) => void) | null} */
let answerConfirm = null;

/** An inline question under the list: Enter (or the button) says yes, Esc or "no" says no. */
function ask(text) {
  hideConfirm();
  const box = $('#assign-confirm');
  return new Promise(resolve => {
    answerConfirm = yes => { answerConfirm = null; box.hidden = true; box.replaceChildren(); resolve(yes); };
    const yes = el('button', { type: 'button', class: 'confirm-yes primary', onclick: () => answerConfirm?.(true) }, t('yesDivert'), ' ', el('kbd', {}, 'Enter'));
    box.replaceChildren(el('p', { class: 'confirm-text' }, text), yes, ' ',
      el('button', { type: 'button', class: 'confirm-no', onclick: () => answerConfirm?.(false) }, t('no'), ' ', el('kbd', {}, 'Esc')));
    box.hidden = false;
    yes.focus();
  });
}

function hideConfirm() { answerConfirm?.(false); }

function closeRecommendation() {
  hideConfirm();
  rec = null;
  $('#recommend').hidden = true;
  if (panel.id === null) {
    if (current) { $('#call-form').hidden = false; $('#call-actions').hidden = false; }
    else $('#panel-empty').hidden = false;
  }
}

// ---- boards ------------------------------------------------------------------------------------

function drawIncidentsNow() {
  renderIncidents($('#incidents-board tbody'), [...incidents.values()], {
    config, units, openId: panel.id, foundId, open: openIncident,
    assign: id => openRecommendation(id),
    close: id => attempt(() => api(`/api/incidents/${id}/close`, { method: 'POST' })).then(i => i && upsertIncident(i)),
    cancel: (id, reason) => attempt(() => api(`/api/incidents/${id}/cancel`, { method: 'POST', body: { reason } })).then(i => i && upsertIncident(i)),
  });
}

function drawUnitsNow() {
  renderUnits($('#units-board tbody'), [...units.values()]);
}

/** The strongest thing waiting: a merah incident without a unit past the alarm time, else the oldest waiting call's level. */
function waitingLevel() {
  // ...or a unit whose crew has not acknowledged within Dispatch:AcknowledgeTimeoutSeconds.
  if ([...incidents.values()].some(i => alarming(i, config) || ackLate(i, config))) return 'alarm';
  const oldest = waitingCalls()[0];
  if (!oldest) return 0;
  const waited = secondsSince(callStart(oldest));
  return waited >= 60 ? 3 : waited >= 30 ? 2 : 1;
}

function tick() {
  tickBoards(config);
  const level = waitingLevel();
  document.body.dataset.waitLevel = String(level);
  document.body.dataset.ackLate = [...incidents.values()].filter(i => ackLate(i, config)).map(i => i.id).join(' ');
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#queue .call.answered:not(.mine)')).forEach(li => {
    const call = calls.get(Number(li.dataset.callId));
    if (call && canTakeOver(call) && !li.querySelector('.takeover')) renderQueue();
  });
}

// ---- keyboard ----------------------------------------------------------------------------------

function onKey(e) {
  if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); createIncident(); return; }
  // Esc: the open question, then the recommendation (the incident stays on the board, with its assign
  // button), then the incident panel's form, then the panel; an answered call is never dropped by a key.
  if (e.key === 'Escape' && answerConfirm) { e.preventDefault(); hideConfirm(); $('#candidates').focus(); return; }
  if (e.key === 'Escape' && rec) { e.preventDefault(); closeRecommendation(); return; }
  if (e.key === 'Escape' && protocol.escape()) { e.preventDefault(); return; }
  if (e.key === 'Escape' && panel.escape()) { e.preventDefault(); return; }
  if (document.activeElement === $('#candidates') && rec?.candidates.length) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rec.selected = (rec.selected + (e.key === 'ArrowDown' ? 1 : -1) + rec.candidates.length) % rec.candidates.length;
      renderCandidates();
      return;
    }
    if (e.key === 'Enter') { e.preventDefault(); assign(rec.candidates[rec.selected]); return; }
  }
  const row = /** @type {HTMLElement | null | undefined} */ (document.activeElement?.closest?.('#incidents-board tr.incident'));
  if (row && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    /** @type {HTMLElement | null} */ (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling)?.focus();
    return;
  }
  // Enter on a row: its panel; one still waiting for a unit opens with its recommendation, the most urgent thing to do.
  if (row && e.key === 'Enter' && e.target === row) {
    e.preventDefault();
    const id = Number(row.dataset.incidentId);
    if (incidents.get(id)?.waitingForUnit) openRecommendation(id); else openIncident(id);
    return;
  }
  if (!e.altKey) return;
  const actions = {
    j: answerNext, k: () => $('#kelurahan').focus(), l: () => $('#landmark').focus(), c: () => $('#complaint').focus(),
    p: () => $('#patients').focus(), v: () => { current?.point?.useSuggestion(); },
    r: () => recommendFor(row), i: focusWaitingIncident, s: enableSound, f: () => search?.focus(),
    g: () => $('#duplicates .attach')?.click(),
    q: () => protocol.open(),
    u: () => panel.form('radio'), x: () => panel.form('release'), t: () => panel.form('edit'), n: () => panel.focusNote(),
    1: () => pickTriage('merah'), 2: () => pickTriage('kuning'), 3: () => pickTriage('hijau'), 4: () => pickTriage('hitam'),
  };
  const action = actions[e.key.toLowerCase()] ?? actions[e.code.replace(/^(Key|Digit)/, '').toLowerCase()];
  if (action) { e.preventDefault(); action(); }
}

/** Alt+R: the recommendation of the selected board row; else back to the open list; else one more unit for the open incident; else the most urgent incident waiting for a unit. */
function recommendFor(row) {
  if (row) { openRecommendation(Number(row.dataset.incidentId)); return; }
  if (rec) { $('#candidates').focus(); return; }
  if (panel.id !== null) { openRecommendation(panel.id); return; }
  const waiting = $('#incidents-board tr.incident.waiting');
  if (waiting) openRecommendation(Number(waiting.dataset.incidentId));
}

/** Alt+I: the board, at the most urgent incident waiting for a unit (else the first row). */
function focusWaitingIncident() {
  ($('#incidents-board tr.incident.waiting') ?? $('#incidents-board tr.incident'))?.focus();
}

/**
 * An incident found by search: an active one is shown on its board row and opened in the panel
 * (waiting for a unit, with its recommendation, as Enter on the row does); a finished one is
 * answered for the search list to show, since it is on no board.
 */
/** @type {number | null} */
let foundId = null; // highlighted on the board for a moment after a search opened it

async function showFound(id) {
  const incident = await attempt(() => api(`/api/incidents/${id}`));
  if (!incident) return undefined;
  upsertIncident(incident);
  const row = /** @type {HTMLElement | null} */ (document.querySelector(`#incidents-board tr[data-incident-id='${id}']`));
  if (!row) return incident;
  foundId = id;
  setTimeout(() => { if (foundId === id) { foundId = null; drawIncidents(); } }, 3000);
  if (incidents.get(id)?.waitingForUnit) await openRecommendation(id); else openIncident(id);
  drawIncidentsNow();
  const shown = /** @type {HTMLElement | null} */ (document.querySelector(`#incidents-board tr[data-incident-id='${id}']`));
  shown?.scrollIntoView({ block: 'nearest' });
  shown?.focus();
  return true;
}

function pickTriage(value) {
  const input = $(`input[name=triage][value=${value}]`);
  input.checked = true;
  input.focus();
  saveDraft();
}


// ---- start -------------------------------------------------------------------------------------

async function loadAll() {
  const [facilities, unitList, callList, incidentList] = await Promise.all(
    ['/api/facilities', '/api/units', '/api/calls', '/api/incidents'].map(path => api(path)));
  stations = new Map(facilities.map(s => [s.id, s]));
  view.setStations(facilities);
  unitList.forEach(upsertUnit);
  callList.forEach(upsertCall);
  incidentList.forEach(upsertIncident);
  // After a reload or a crash, the operator's own answered call comes back with what was typed.
  const mine = callList.find(c => c.status === 'answered' && c.answeredBy === me.username);
  if (mine) openCallPanel(mine);
}

async function main() {
  me = await startPage(['operator', 'admin']);
  if (!me) return;
  config = await api('/api/config');
  view = await createMap($('#map'), config);
  routes = trackRoutes(view);
  const roadStatus = () => showRoadStatus($('#roads'), $('#roads-banner')).catch(() => {});
  await roadStatus();
  setInterval(roadStatus, 60000);
  $('#kelurahan').replaceChildren(el('option', { value: '' }, t('chooseKelurahan')),
    ...view.kelurahan.sort((a, b) => a.name.localeCompare(b.name)).map(k => el('option', { value: k.code }, k.name)));
  $('#call-form').addEventListener('submit', createIncident);
  $('#call-form').addEventListener('input', saveDraft);
  $('#create').addEventListener('click', createIncident);
  $('#close-call').addEventListener('click', () => closeCall());
  $('#use-device').addEventListener('click', () => current?.point?.useSuggestion());
  $('#recommend-close').addEventListener('click', closeRecommendation);
  search = initSearch($('#search'), { open: showFound });
  panel = createIncidentPanel($('#incident-panel'), { stations: () => stations, apply: upsertIncident, closed: panelClosed,
    prenotification: id => prenotifications.get(id) });
  $('#incident-close').addEventListener('click', () => panel.close());
  protocol = createProtocolPanel($('#protocol-panel'), { incident: () => panel.incident, apply: upsertIncident });
  $('#protocol-open').addEventListener('click', () => protocol.open());
  $('#add-unit').addEventListener('click', () => { if (panel.id !== null) openRecommendation(panel.id); });
  document.addEventListener('keydown', onKey);
  checkSound();
  ringWhile(waitingLevel);
  await connectHub(onEvent, trackConnection(() => sound('lost')));
  await loadAll();
  setInterval(tick, 1000);
}

main();
