// Crew page (phone): the unit's assignment by push, accept, lifecycle buttons, position reports.
import { api, el, timeWib, startPage, connectHub, showConnection, beep } from './common.js';
import { t, statusText } from './i18n.js';
import { createRouteMap, routeText } from './map.js';

const $ = selector => document.querySelector(selector);
let me, unit, assignment = null, config, routeMap = null;

// The legal next steps, in lifecycle order, from where the incident (or the idle unit) stands.
const nextForIncident = {
  dispatched: ['accept', 'enRoute'], acknowledged: ['enRoute'], enRoute: ['onScene'],
  onScene: ['transporting', 'available', 'returning'], transporting: ['atDestination'],
  atDestination: ['handover', 'available', 'returning'], handover: ['available', 'returning'],
};
const nextForIdleUnit = {
  availableAtStation: ['available', 'returning'], availableOnRoad: ['atStation', 'returning'], returning: ['atStation', 'available'],
};

function render() {
  const a = assignment;
  $('#unit-name').textContent = unit ? `${unit.callSign} · ${statusText(unit.status)}` : t('crewTitle');
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
    $('#assignment-meta').textContent = `${t('patients')}: ${a.patientCount} · ${timeWib(a.offeredAt)} · ${statusText(a.incidentStatus)}`;
    const { lat, lon } = a.location;
    $('#geo-link').href = `geo:${lat},${lon}?q=${lat},${lon}`;
    $('#map-link').href = `https://www.openstreetmap.org/directions?to=${lat}%2C${lon}`;
  }
  const legal = a ? nextForIncident[a.incidentStatus] ?? [] : nextForIdleUnit[unit?.status] ?? [];
  document.querySelectorAll('.status-buttons button').forEach(b => {
    const step = b.dataset.status ?? b.dataset.action;
    b.disabled = !legal.includes(step);
  });
  $('#destination').disabled = !legal.includes('transporting');
}

async function refresh() {
  [unit, assignment] = await Promise.all([api(`/api/units/${me.unitId}`), api(`/api/units/${me.unitId}/assignment`)]);
  render();
  await showRoute();
}

// The way to the scene (by road, or the straight line) while the unit is on its way; 204 otherwise.
async function showRoute() {
  const route = assignment ? await api(`/api/units/${me.unitId}/route`) : null;
  $('#route-box').hidden = !route;
  if (!route) return;
  $('#route-text').textContent = routeText(route);
  routeMap ??= createRouteMap($('#route-map'), config);
  routeMap.show(route, assignment.location);
}

async function act(step) {
  $('#notice').hidden = true;
  try {
    if (step === 'accept') await api(`/api/units/${me.unitId}/acknowledge`, { method: 'POST' });
    else {
      const destinationId = step === 'transporting' ? Number($('#destination').value) || undefined : undefined;
      await api(`/api/units/${me.unitId}/status`, { method: 'POST', body: { status: step, destinationId } });
    }
  } catch (e) {
    notice(e.message);
  }
  await refresh();
}

function notice(text) {
  $('#notice').textContent = text;
  $('#notice').hidden = false;
}

function onEvent(e) {
  if (e.type === 'AssignmentOffered') { beep(); refresh(); }
  if (e.type === 'AssignmentCancelled') { notice(t('assignmentCancelled', { reason: e.data.endReason ?? '' })); refresh(); }
}

// ---- position: sent every interval while on duty; survives reloads (localStorage) and drops (retries) ----

let latest = null, lastSent = null;

function startPosition() {
  const onDuty = $('#on-duty');
  onDuty.checked = localStorage.getItem('psc119.onDuty') === '1';
  onDuty.addEventListener('change', () => localStorage.setItem('psc119.onDuty', onDuty.checked ? '1' : '0'));
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
  config = await api('/api/config');
  const facilities = await api('/api/facilities');
  $('#destination').replaceChildren(el('option', { value: '' }, t('chooseDestination')),
    ...facilities.filter(f => f.kind !== 'pscPost').map(f => el('option', { value: f.id }, f.name)));
  document.querySelectorAll('.status-buttons button').forEach(b => b.addEventListener('click', () => act(b.dataset.status ?? b.dataset.action)));
  await connectHub(onEvent, showConnection);
  await refresh();
  startPosition();
}

main();
