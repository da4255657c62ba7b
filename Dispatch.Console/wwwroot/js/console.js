// Operator console: live call queue, keyboard-first call taking, duplicates, recommendation, boards.
import { api, el, timeWib, duration, secondsSince, startPage, connectHub, showConnection, beep, ApiError } from './common.js';
import { t, statusText } from './i18n.js';
import { createMap, callPoint } from './map.js';
import { trackRoutes, showRoadStatus } from './routes.js';

const calls = new Map();      // open calls by id
const incidents = new Map();  // active incidents by id
const units = new Map();      // units by id
let stations = new Map();
let me, view, routes, current = null; // current = { call, point, incident, candidates, selected }

const $ = selector => document.querySelector(selector);
const newer = (old, next) => !old || next.version >= old.version;

function upsertCall(call) {
  if (!newer(calls.get(call.id), call)) return;
  if (call.status === 'closed') calls.delete(call.id);
  else calls.set(call.id, call);
  renderQueue();
}

function upsertIncident(incident) {
  if (!newer(incidents.get(incident.id), incident)) return;
  if (incident.status === 'closed' || incident.status === 'cancelled') incidents.delete(incident.id);
  else incidents.set(incident.id, incident);
  view.setIncident(incident);
  routes.update(incident);
  renderIncidents();
}

function upsertUnit(unit) {
  if (!newer(units.get(unit.id), unit)) return;
  units.set(unit.id, unit);
  view.setUnit(unit, stations.get(unit.homeStationId));
  if (unit.incidentId && incidents.has(unit.incidentId)) routes.update(incidents.get(unit.incidentId), true);
  renderUnits();
}

function onEvent(e) {
  switch (e.type) {
    case 'CallReceived':
      upsertCall(e.data);
      beep();
      document.body.classList.add('alerting');
      setTimeout(() => document.body.classList.remove('alerting'), 1500);
      break;
    case 'CallUpdated': upsertCall(e.data); break;
    case 'IncidentChanged': upsertIncident(e.data); break;
    case 'UnitChanged': upsertUnit(e.data); break;
  }
}

// ---- queue -------------------------------------------------------------------------------------

function renderQueue() {
  const list = [...calls.values()].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  $('#queue-empty').hidden = list.length > 0;
  const waiting = list.filter(c => c.status === 'waiting').length;
  document.title = `${waiting ? `(${waiting}) ` : ''}PSC 119`;
  $('#queue').replaceChildren(...list.map(call => el('li', { class: `call ${call.status}`, dataset: { callId: call.id } },
    el('div', { class: 'call-head' },
      el('strong', { class: 'caller' }, call.callerNumber ?? t('withheld')),
      el('span', { class: 'wait', dataset: { since: call.receivedAt } }, duration(secondsSince(call.receivedAt)))),
    el('div', { class: 'muted' }, `${t('source')}: ${call.source} · ${timeWib(call.receivedAt)}`,
      call.location ? ` · ${t('device')} (${t('accuracy', { m: Math.round(call.location.accuracyMeters ?? 0) })})` : ''),
    call.flags.length ? el('div', { class: 'flags' }, call.flags.join(', ')) : null,
    call.status === 'waiting'
      ? el('button', { type: 'button', class: 'answer', onclick: () => answer(call.id) }, t('answer'))
      : el('div', { class: 'taken' }, t('takenBy', { name: call.answeredBy })))));
}

async function answer(id) {
  if (current) return;
  try {
    const call = await api(`/api/calls/${id}/answer`, { method: 'POST' });
    upsertCall(call);
    openPanel(call);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) renderQueue(); else throw e;
  }
}

function answerNext() {
  const next = [...calls.values()].filter(c => c.status === 'waiting').sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[0];
  if (next) answer(next.id);
}

// ---- call taking -------------------------------------------------------------------------------

function openPanel(call) {
  current = { call, point: null, incident: null, candidates: [], selected: 0 };
  $('#panel-empty').hidden = true;
  $('#recommend').hidden = true;
  const form = $('#call-form');
  form.reset();
  form.hidden = false;
  $('#form-error').textContent = '';
  $('#call-info').replaceChildren(
    el('strong', {}, call.callerNumber ?? t('withheld')), ` · ${call.source} · ${timeWib(call.receivedAt)}`,
    call.flags.length ? el('div', { class: 'flags' }, call.flags.join(', ')) : null);
  current.point = callPoint(view, () => { showPoint(); checkDuplicates(); });
  current.point.suggest(call.location);
  $('#use-device').disabled = !call.location;
  showPoint();
  checkDuplicates();
  $('#kelurahan').focus();
}

function showPoint() {
  const p = current?.point?.point;
  $('#point-status').textContent = p ? `${t('confirmedPoint')}: ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` : t('noPoint');
}

async function checkDuplicates() {
  const call = current?.call;
  if (!call) return;
  const p = current.point?.point;
  const query = p ? `?lat=${p.lat}&lon=${p.lng}` : '';
  const matches = await api(`/api/calls/${call.id}/duplicates${query}`);
  if (current?.call !== call) return;
  const box = $('#duplicates');
  box.hidden = matches.length === 0;
  box.replaceChildren(el('strong', {}, t('duplicateWarning')), ...matches.map(m => {
    const incident = incidents.get(m.incidentId);
    return el('div', { class: 'duplicate' },
      `#${m.incidentId} ${incident ? `${incident.triage} · ${incident.address ?? ''} · ` : ''}${m.reason} `,
      el('button', { type: 'button', class: 'attach', onclick: () => attach(m.incidentId) }, t('attach', { id: m.incidentId })));
  }));
}

async function attach(incidentId) {
  await api(`/api/calls/${current.call.id}/attach`, { method: 'POST', body: { incidentId } });
  closePanel();
}

async function createIncident(event) {
  event?.preventDefault();
  if (!current || current.incident) return;
  const p = current.point.point;
  const triage = document.querySelector('input[name=triage]:checked')?.value;
  const body = {
    lat: p?.lat, lon: p?.lng,
    kelurahan: p ? undefined : $('#kelurahan').value || undefined,
    address: $('#landmark').value || undefined,
    complaint: $('#complaint').value || undefined,
    triage, patientCount: Number($('#patients').value || 1),
    isEmergency: $('#emergency').checked, category: $('#category').value,
  };
  try {
    const incident = await api(`/api/calls/${current.call.id}/incident`, { method: 'POST', body });
    current.incident = incident;
    upsertIncident(incident);
    $('#call-form').hidden = true;
    await showRecommendation();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const fields = e.problem?.errors ? Object.entries(e.problem.errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join(' · ') : e.message;
    $('#form-error').textContent = fields;
  }
}

async function closeCall() {
  await api(`/api/calls/${current.call.id}/close`, { method: 'POST', body: { outcome: $('#outcome').value } });
  closePanel();
}

async function showRecommendation() {
  current.candidates = await api(`/api/incidents/${current.incident.id}/recommendation`);
  showRoadStatus($('#roads'), $('#roads-banner'));
  current.selected = 0;
  $('#recommend').hidden = false;
  renderCandidates();
  $('#candidates').focus();
}

function renderCandidates() {
  $('#candidates').replaceChildren(...current.candidates.map((c, i) => el('li', {
    class: i === current.selected ? 'candidate selected' : 'candidate', 'aria-selected': i === current.selected ? 'true' : 'false',
  },
    el('strong', {}, `${c.callSign} (${c.type.toUpperCase()})`), ` ${duration(c.etaSeconds)} · `,
    el('span', { class: 'reason', title: c.reason }, candidateReason(c)), ' ',
    el('button', { type: 'button', class: 'assign', onclick: () => assign(c.unitId) }, t('assign')))));
}

/** Why a unit is where it is in the list, in the page's language, from the candidate's figures (the server's English sentence is the tooltip). */
function candidateReason(c) {
  const km = m => (m / 1000).toFixed(1);
  const age = duration(c.positionAgeSeconds ?? 0);
  return [
    c.etaBasis === 'road' ? t('reasonRoad', { km: km(c.roadMeters), straight: km(c.distanceMeters) }) : t('reasonStraight', { km: km(c.distanceMeters) }),
    c.positionSource === 'reported' ? t('reasonPosition', { age }) : c.positionAgeSeconds != null ? t('reasonStale', { age }) : t('reasonNoPosition'),
    ...(c.alsPreferenceApplied ? [t('reasonBehindAls', { type: c.type.toUpperCase() })] : []),
  ].join(' · ');
}

async function assign(unitId) {
  const incident = await api(`/api/incidents/${current.incident.id}/assign`, { method: 'POST', body: { unitId } });
  upsertIncident(incident);
  $('#assign-result').textContent = `${t('assigned')}: ${units.get(unitId)?.callSign ?? unitId}`;
  setTimeout(closePanel, 800);
}

function closePanel() {
  current?.point?.dispose();
  current = null;
  $('#call-form').hidden = true;
  $('#recommend').hidden = true;
  $('#assign-result').textContent = '';
  $('#panel-empty').hidden = false;
  $('#duplicates').hidden = true;
}

// ---- boards ------------------------------------------------------------------------------------

function renderIncidents() {
  const rows = [...incidents.values()].sort((a, b) => a.id - b.id).map(i => el('tr', { class: `incident triage-${i.triage}`, dataset: { incidentId: i.id } },
    el('td', {}, `#${i.id}`),
    el('td', {}, el('span', { class: `chip triage-${i.triage}` }, t(i.triage))),
    el('td', { class: 'status', dataset: { status: i.status } }, statusText(i.status)),
    el('td', { class: 'since', dataset: { since: i.times.callReceived } }, duration(secondsSince(i.times.callReceived))),
    el('td', { class: 'unit' }, i.unitId ? units.get(i.unitId)?.callSign ?? `#${i.unitId}` : '—'),
    el('td', {}, i.status === 'cleared'
      ? el('button', { type: 'button', onclick: () => api(`/api/incidents/${i.id}/close`, { method: 'POST' }).then(upsertIncident) }, t('closeIncident'))
      : el('button', { type: 'button', onclick: () => cancelIncident(i.id) }, t('cancel')))));
  $('#incidents-board tbody').replaceChildren(...rows);
}

async function cancelIncident(id) {
  const reason = prompt(t('reason'));
  if (reason) upsertIncident(await api(`/api/incidents/${id}/cancel`, { method: 'POST', body: { reason } }));
}

function renderUnits() {
  const rows = [...units.values()].sort((a, b) => a.callSign.localeCompare(b.callSign)).map(u => el('tr', { class: 'unit-row', dataset: { unitId: u.id } },
    el('td', {}, u.callSign), el('td', {}, u.type.toUpperCase()), el('td', { class: 'status', dataset: { status: u.status } }, statusText(u.status)),
    el('td', { class: 'since', dataset: { since: u.lastPosition?.at ?? '' } }, u.lastPosition ? t('ago', { t: duration(secondsSince(u.lastPosition.at)) }) : t('never'))));
  $('#units-board tbody').replaceChildren(...rows);
}

function tick() {
  document.querySelectorAll('[data-since]').forEach(e => {
    if (!e.dataset.since) return;
    const d = duration(secondsSince(e.dataset.since));
    e.textContent = e.closest('#units-board') ? t('ago', { t: d }) : d;
  });
}

// ---- keyboard ----------------------------------------------------------------------------------

function onKey(e) {
  if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); createIncident(); return; }
  // Esc leaves the recommendation (the incident stays on the board); an answered call is never dropped by a key.
  if (e.key === 'Escape' && current?.incident) { e.preventDefault(); closePanel(); return; }
  if (document.activeElement === $('#candidates') && current?.candidates.length) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      current.selected = (current.selected + (e.key === 'ArrowDown' ? 1 : -1) + current.candidates.length) % current.candidates.length;
      renderCandidates();
      return;
    }
    if (e.key === 'Enter') { e.preventDefault(); assign(current.candidates[current.selected].unitId); return; }
  }
  if (!e.altKey) return;
  const actions = {
    j: answerNext, k: () => $('#kelurahan').focus(), l: () => $('#landmark').focus(), c: () => $('#complaint').focus(),
    p: () => $('#patients').focus(), v: () => { current?.point.useSuggestion(); }, r: () => $('#candidates').focus(),
    g: () => document.querySelector('#duplicates .attach')?.click(),
    1: () => pickTriage('merah'), 2: () => pickTriage('kuning'), 3: () => pickTriage('hijau'), 4: () => pickTriage('hitam'),
  };
  const action = actions[e.key.toLowerCase()] ?? actions[e.code.replace(/^(Key|Digit)/, '').toLowerCase()];
  if (action) { e.preventDefault(); action(); }
}

function pickTriage(value) {
  const input = document.querySelector(`input[name=triage][value=${value}]`);
  input.checked = true;
  input.focus();
}

// ---- start -------------------------------------------------------------------------------------

async function main() {
  me = await startPage(['operator', 'admin']);
  if (!me) return;
  const config = await api('/api/config');
  view = await createMap($('#map'), config);
  routes = trackRoutes(view);
  const roadStatus = () => showRoadStatus($('#roads'), $('#roads-banner'));
  await roadStatus();
  setInterval(roadStatus, 60000);
  $('#kelurahan').replaceChildren(el('option', { value: '' }, t('chooseKelurahan')),
    ...view.kelurahan.sort((a, b) => a.name.localeCompare(b.name)).map(k => el('option', { value: k.code }, k.name)));
  $('#call-form').addEventListener('submit', createIncident);
  $('#close-call').addEventListener('click', closeCall);
  $('#use-device').addEventListener('click', () => current?.point.useSuggestion());
  document.addEventListener('keydown', onKey);
  await connectHub(onEvent, showConnection);
  const facilities = await api('/api/facilities');
  stations = new Map(facilities.map(s => [s.id, s]));
  view.setStations(facilities);
  (await api('/api/units')).forEach(upsertUnit);
  (await api('/api/calls')).forEach(upsertCall);
  (await api('/api/incidents')).forEach(upsertIncident);
  setInterval(tick, 1000);
}

main();
