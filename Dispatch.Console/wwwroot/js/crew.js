// @ts-check
// Crew page (phone in a moving ambulance): the unit's assignment by push, the legal next steps as
// large buttons at the top (the server says which), taps that wait for signal, position reports;
// a diversion, release or cancellation at once with a sound; the incident's notes; declining.
import { api, ApiError, el, timeWib, duration, startPage, connectHub, showConnection, showError, attempt } from './common.js';
import { t, statusText } from './i18n.js';
import { createRouteMap, routeText } from './map.js';
import { createTapQueue } from './crew-taps.js';
import { alertCrew } from './crew-alert.js';
import { createNotes } from './crew-notes.js';
import { createDecline } from './crew-decline.js';
import { createDestinations } from './crew-destinations.js';
import { createCrewPatients } from './crew-patients.js';

// any: the element's kind (input, select, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
let me, config, taps, notes, decline, destinations, patients;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let destinationsReload;
/** @type {(UnitView & { nextStatuses?: string[], nextStatusesAfter?: Record<string, string[]> }) | null} */
let unit = null;
/** @type {AssignmentView | null} */
let assignment = null;
/** @type {ReturnType<typeof createRouteMap> | null} */
let routeMap = null;
let clockOffsetMs = 0; // server clock minus this phone's, when they differ by more than the Date header can tell
// Counts the pushes that changed the assignment: a refresh started before one of them is stale.
let pushes = 0;

const serverNow = () => Date.now() + clockOffsetMs;

// ---- what may be tapped next: from the server's nextStatuses, and after a tap still waiting ----

/** The taps still waiting that belong to what the page shows now (the assignment, or the idle unit). */
function waitingHere() {
  const incidentId = assignment?.incidentId ?? null;
  return taps.list().filter(tap => tap.incidentId === incidentId);
}

function legalSteps() {
  const source = assignment ?? unit;
  if (!source) return { accept: false, statuses: [] };
  const last = waitingHere().at(-1);
  if (last) return { accept: false, statuses: source.nextStatusesAfter?.[last.step] ?? [] };
  return { accept: !!assignment?.canAcknowledge, statuses: source.nextStatuses ?? [] };
}

/** On an assignment, a step after which nothing more is allowed ends the task (available, returning). */
const endsTask = step => !!assignment && (assignment.nextStatusesAfter?.[step] ?? []).length === 0;

function stepButton(step, primary) {
  return el('button', { type: 'button', class: `step${primary ? ' primary' : ''}`, dataset: { status: step }, onclick: () => attempt(() => tap(step)) },
    el('span', { class: 'step-label' }, t(step)));
}

function renderSteps() {
  const { accept, statuses } = legalSteps();
  const forward = statuses.filter(s => !endsTask(s));
  const finishing = statuses.filter(endsTask);
  const buttons = [];
  if (accept) buttons.push(el('button', { id: 'accept', type: 'button', class: 'step primary', dataset: { action: 'accept' }, onclick: () => attempt(() => tap('acknowledge')) },
    el('span', { class: 'step-label' }, t('accept'))));
  forward.forEach(s => buttons.push(stepButton(s, buttons.length === 0)));
  // Finishing the task asks again, in a sheet at the bottom of the screen: a second tap on the same spot cannot confirm it.
  if (finishing.length) buttons.push(el('button', { type: 'button', class: `step finish${buttons.length === 0 ? ' primary' : ''}`, dataset: { status: finishing[0] },
    onclick: () => openFinish(finishing) }, el('span', { class: 'step-label' }, t('crewFinish'))));
  $('#steps').replaceChildren(...buttons);
  $('#steps').hidden = buttons.length === 0;
  $('#destination-box').hidden = !forward.includes('transporting');
}

function openFinish(finishing) {
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#finish-sheet [data-confirm]')).forEach(b => { b.hidden = !finishing.includes(b.dataset.confirm); });
  $('#finish-sheet').hidden = false;
  $('#finish-cancel').focus();
}

const closeFinish = () => { $('#finish-sheet').hidden = true; };

/** A tap: kept on the phone first, so that no signal loses nothing; then sent. */
async function tap(step) {
  closeFinish();
  $('#notice').hidden = true; // the crew has moved on from what the notice said
  let destinationId;
  if (step === 'transporting') {
    destinationId = Number($('#destination').value) || undefined;
    if (!destinationId) {
      $('#destination').focus();
      throw new ApiError(422, { code: 'destination-required' });
    }
    if (!destinations.mayGo(destinationId)) return; // a full or diverting hospital: the crew confirms first
  }
  const pending = taps.add({ step, incidentId: assignment?.incidentId ?? null, destinationId });
  render();
  await pending;
}

// ---- the page ----

function render() {
  const a = assignment;
  $('#unit-name').textContent = unit?.callSign ?? t('crewTitle');
  $('#unit-status').textContent = unit ? statusText(unit.status) : '';
  document.body.dataset.responseStatus = a?.status ?? '';
  document.body.dataset.incidentStatus = a?.incidentStatus ?? '';
  $('#no-assignment').hidden = !!a;
  $('#assignment-card').hidden = !a;
  if (a) {
    const triage = $('#assignment-triage');
    triage.className = `chip big triage-${a.triage}`;
    triage.textContent = `${t(a.triage)} · ${a.priority}`;
    $('#assignment-title').textContent = `#${a.incidentId} · ${a.kelurahan ?? ''}`;
    $('#assignment-address').textContent = a.address ?? '';
    $('#assignment-complaint').textContent = a.complaint ?? '';
    $('#assignment-category').textContent = [t(a.category), a.isEmergency ? t('emergency') : null, a.isMajor ? t('crewMajor') : null].filter(Boolean).join(' · ');
    $('#assignment-patients').textContent = String(a.patientCount);
    const last = waitingHere().at(-1);
    $('#assignment-status').textContent = last ? `${t(last.step === 'acknowledge' ? 'accepted' : last.step)} (${t('crewWaiting')})` : statusText(a.status);
    $('#other-units-box').hidden = a.otherUnits.length === 0;
    $('#other-units').textContent = a.otherUnits.join(', ');
    $('#assignment-meta').textContent = t('crewDispatchedAt', { t: timeWib(a.offeredAt), by: a.offeredBy });
    const { lat, lon } = a.location;
    $('#geo-link').href = `geo:${lat},${lon}?q=${lat},${lon}`;
    $('#map-link').href = `https://www.openstreetmap.org/directions?to=${lat}%2C${lon}`;
    const number = (a.callerNumber ?? '').replace(/[^\d+]/g, '');
    $('#call-back').hidden = !number;
    $('#no-number').hidden = !!number;
    if (number) {
      $('#call-back').href = `tel:${number}`;
      $('#call-back').textContent = t('crewCallBack', { n: a.callerNumber });
    }
  }
  $('#decline').hidden = !a?.canDecline || waitingHere().length > 0;
  if (!a?.canDecline) decline.close();
  notes.show(a?.incidentId ?? null);
  patients.show(a?.incidentId ?? null);
  tick();
  renderSteps();
  renderWaiting();
}

/** Time since the unit was dispatched, counting every second. */
function tick() {
  const clock = $('#assignment-clock');
  if (!assignment) { clock.textContent = ''; return; }
  clock.textContent = t('crewSinceDispatch', { t: duration((serverNow() - new Date(assignment.offeredAt).getTime()) / 1000) });
}

function renderWaiting() {
  const waiting = taps.list();
  $('#waiting').hidden = waiting.length === 0;
  $('#waiting-list').replaceChildren(...waiting.map(w => el('li', { dataset: { step: w.step } },
    el('strong', {}, t(w.step === 'acknowledge' ? 'accept' : w.step)), ` · ${timeWib(w.at)}`)));
  document.body.classList.toggle('has-waiting', waiting.length > 0);
}

async function refresh() {
  const seen = pushes;
  const [freshUnit, freshAssignment] = await Promise.all([api(`/api/units/${me.unitId}`), api(`/api/units/${me.unitId}/assignment`)]);
  unit = freshUnit;
  // A push that arrived meanwhile is newer than this answer, and refreshes again itself.
  if (seen === pushes) assignment = freshAssignment;
  render();
  remindUntilAccepted();
  await showRoute();
  if (!$('#destination-box').hidden) await destinations.load(); // nearest first from where the unit is now
}

/** Refreshes; without signal it stays quiet (the waiting list and the connection badge say so). */
async function refreshQuietly() {
  try {
    await refresh();
  } catch (e) {
    if (e instanceof ApiError && e.status !== 401) showError(e);
  }
}

// The way to the scene (by road, or the straight line) while the unit is on its way; 204 otherwise.
async function showRoute() {
  const route = assignment ? await api(`/api/units/${me.unitId}/route`) : null;
  const scene = assignment?.location; // the assignment may have been withdrawn while the route was fetched
  $('#route-box').hidden = !route || !scene;
  if (!route || !scene) return;
  $('#route-text').textContent = routeText(route);
  routeMap ??= createRouteMap($('#route-map'), config);
  routeMap.show(route, scene);
}

// A new assignment sounds again every 20 s until the crew accepts it or moves on (at most 6 times).
/** @type {{ id: number, timer: number } | null} */
let reminder = null;
function remindUntilAccepted() {
  const offered = assignment?.canAcknowledge && waitingHere().length === 0 ? assignment.id : null;
  if (reminder?.id === offered) return;
  clearInterval(reminder?.timer);
  reminder = null;
  if (offered === null) return;
  let left = 6;
  reminder = { id: offered, timer: setInterval(() => { if (--left >= 0) alertCrew('assignment'); else clearInterval(reminder?.timer); }, 20000) };
}

/**
 * Says at once, in words, what happened to the assignment; stays until the crew taps a step. The
 * last few are kept: a diversion and a dropped tap may arrive together after a drop of signal.
 */
function notify(text) {
  const box = $('#notice');
  if (box.hidden) box.replaceChildren();
  box.append(el('span', { class: 'notice-line' }, text));
  while (box.childElementCount > 3) box.firstElementChild.remove();
  box.hidden = false;
}

/** Why the assignment was taken away (AssignmentCancelled's reason), in the page's language. */
function withdrawalText(/** @type {AssignmentView} */ w) {
  const reason = w.reasonText ?? '';
  switch (w.reason) {
    case 'diverted': return t('crewDiverted', { from: w.incidentId, to: w.divertedToIncidentId ?? '' });
    case 'released': return t('crewReleased', { id: w.incidentId, reason });
    case 'declined': return t('crewDeclined', { id: w.incidentId, reason });
    default: return t('assignmentCancelled', { reason });
  }
}

function onEvent(e) {
  /** @type {AssignmentView} */
  const data = e.data;
  switch (e.type) {
    case 'AvailabilityChanged':
      // A bed import reports many hospitals at once: one reload of the ordered list after the burst.
      clearTimeout(destinationsReload);
      destinationsReload = setTimeout(() => destinations.load().catch(() => { /* without signal the list keeps its last answer */ }), 2000);
      break;
    case 'AssignmentOffered':
      // Shown from the push at once (a diversion's new incident follows its cancellation); the refresh adds the unit and the route.
      pushes++;
      alertCrew('assignment');
      assignment = data;
      render();
      refreshQuietly();
      break;
    case 'AssignmentCancelled':
      pushes++;
      alertCrew('cancelled');
      notify(withdrawalText(data));
      closeFinish();
      if (assignment?.incidentId === data.incidentId) assignment = null;
      render();
      refreshQuietly();
      break;
    case 'AssignmentChanged':
      // The incident the crew works changed (triage, place, other units): a triage change is said and sounded.
      if (!assignment || assignment.incidentId !== data.incidentId) break;
      pushes++;
      if (data.triage !== assignment.triage) {
        notify(t('crewTriageChanged', { id: data.incidentId, from: t(assignment.triage), to: t(data.triage) }));
        alertCrew('changed');
      }
      assignment = data;
      render();
      showRoute().catch(() => {});
      break;
    case 'NoteAdded':
      notes.add(/** @type {NoteView} */ (e.data));
      break;
    case 'PatientChanged':
      patients.changed(/** @type {PatientView} */ (e.data));
      break;
  }
}

/** A waiting tap the server refused is dropped; one meant for an incident the unit has left says so. */
function onTapRefused(error, /** @type {import('./crew-taps.js').Tap} */ refused) {
  showError(error);
  if (error instanceof ApiError && error.problem?.code === 'assignment-changed')
    notify(t('crewTapDropped', { step: t(refused.step === 'acknowledge' ? 'accept' : refused.step), id: refused.incidentId ?? '' }));
}

function onConnection(state) {
  showConnection(state);
  if (state === 'connected') taps.flush();
}

/** The server's clock from its Date header: taps are stamped in server time even if the phone's clock is off. */
async function measureClock() {
  const sent = Date.now();
  const response = await fetch('/api/config', { credentials: 'same-origin' });
  const received = Date.now();
  const server = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(server)) return;
  const offset = server + 500 - (sent + received) / 2; // the header has whole seconds
  clockOffsetMs = Math.abs(offset) > 2000 ? offset : 0;
}

// ---- position: sent every interval while on duty; survives reloads (localStorage) and drops (retries) ----

/** @typedef {{ lat: number, lon: number, accuracy: number, at: string }} Fix a position to report */
/** @type {Fix | null} */
let latest = null;
/** @type {Fix | null} */
let lastSent = null;
/** @type {WakeLockSentinel | null} */
let wakeLock = null;

// While on duty the screen stays on, so the page keeps listening and sounding.
async function keepAwake(on) {
  try {
    if (on && document.visibilityState === 'visible' && !wakeLock) wakeLock = await navigator.wakeLock?.request('screen') ?? null;
    if (!on && wakeLock) { await wakeLock.release(); wakeLock = null; }
  } catch { wakeLock = null; /* not granted (battery saver): the page still works */ }
}

function startPosition() {
  const onDuty = $('#on-duty');
  const show = () => { document.body.classList.toggle('on-duty', onDuty.checked); onDuty.setAttribute('aria-checked', String(onDuty.checked)); };
  onDuty.checked = localStorage.getItem('psc119.onDuty') === '1';
  show();
  keepAwake(onDuty.checked);
  onDuty.addEventListener('change', () => { localStorage.setItem('psc119.onDuty', onDuty.checked ? '1' : '0'); show(); keepAwake(onDuty.checked); });
  document.addEventListener('visibilitychange', () => { wakeLock = null; keepAwake(onDuty.checked); });
  navigator.geolocation?.watchPosition(
    p => { latest = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, at: new Date(p.timestamp).toISOString() }; },
    () => { /* permission refused or no fix: the status line keeps saying not sent */ },
    { enableHighAccuracy: true, maximumAge: 5000 });
  setInterval(async () => {
    if (!onDuty.checked || !latest || latest === lastSent) return;
    const sending = latest;
    try {
      await api(`/api/units/${me.unitId}/position`, { method: 'POST', body: sending });
      lastSent = sending;
      $('#position-status').textContent = t('positionSent', { t: timeWib(sending.at) });
    } catch {
      $('#position-status').textContent = t('positionPending'); // offline: the next tick retries
    }
  }, Math.max(2, config.positionIntervalSeconds) * 1000);
}

async function main() {
  me = await startPage(['crew']);
  if (!me) return;
  $('#steps').setAttribute('aria-label', t('crewNextSteps'));
  taps = createTapQueue(me.unitId, {
    clock: serverNow,
    onChange: () => { if (unit) render(); },
    onSent: refreshQuietly,
    onRefused: onTapRefused,
  });
  patients = createCrewPatients(me.unitId, $('#patients'), serverNow);
  notes = createNotes({ box: $('#notes'), list: $('#notes-list'), empty: $('#notes-empty'), form: $('#note-form'), text: $('#note-text') });
  decline = createDecline(me.unitId, {
    current: () => assignment,
    onDeclined: async (declined, reason) => { notify(t('crewDeclined', { id: declined.incidentId, reason })); await refreshQuietly(); },
  });
  config = await api('/api/config');
  await measureClock().catch(() => {});
  destinations = createDestinations(me.unitId, {
    select: $('#destination'), warning: $('#destination-warning'), warningText: $('#destination-warning-text'),
    confirm: $('#destination-confirm'), cancel: $('#destination-cancel'), onConfirmed: () => attempt(() => tap('transporting')),
  });
  await destinations.load();
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#finish-sheet [data-confirm]')).forEach(b => b.addEventListener('click', () => attempt(() => tap(b.dataset.confirm))));
  $('#finish-cancel').addEventListener('click', closeFinish);
  document.addEventListener('keydown', e => { if (e.key === 'Escape') { closeFinish(); decline.close(); } });
  setInterval(tick, 1000);
  await connectHub(onEvent, onConnection, refresh);
  await refresh();
  startPosition();
  await taps.flush();
}

main();
