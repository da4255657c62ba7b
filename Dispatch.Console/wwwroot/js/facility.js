// @ts-check
// Hospital emergency desk (/facility): the patients heading here, pushed the moment a crew chooses
// this hospital and updated live (ETA, status), each acknowledged with one tap; and the emergency
// department's status and free beds, sent with large controls, each value with its age.
import { api, el, timeWib, duration, startPage, connectHub, showConnection, attempt } from './common.js';
import { t, edStatusText, bedKindText } from './i18n.js';
import { bedKinds, ageText } from './availability.js';
import { ageSexText, observationText } from './incident-patients.js';

const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const edStatuses = ['open', 'busy', 'full', 'diverting'];
/** @type {number} */
let facilityId;
/** @type {Availability | null} */
let reported = null;
/** @type {string | null} the status chosen on the page, not yet sent */
let chosenStatus = null;
/** @type {Map<number, PreNotificationView>} by response id */
const incoming = new Map();

// ---- availability ----

function renderAvailability() {
  const shown = chosenStatus ?? reported?.edStatus ?? null;
  $('#ed-age').textContent = ageText(reported?.edStatusAt);
  $('#ed-buttons').replaceChildren(...edStatuses.map(s => el('button', {
    type: 'button', role: 'radio', 'aria-checked': String(s === shown), dataset: { ed: s },
    onclick: () => { chosenStatus = s; renderAvailability(); },
  }, edStatusText(s))));
  for (const kind of bedKinds) {
    const age = document.querySelector(`[data-bed-age="${kind}"]`);
    if (age) age.textContent = ageText(reported?.bedsAt?.[kind]);
  }
}

function bedRows() {
  $('#bed-rows').replaceChildren(...bedKinds.map(kind => {
    const input = el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: kind, id: `bed-${kind}`,
      value: reported?.beds?.[kind] ?? '' });
    const step = (/** @type {number} */ by) => { input.value = String(Math.max(0, (Number(input.value) || 0) + by)); };
    return el('div', { class: 'bed-row' },
      el('label', { class: 'bed-name', for: `bed-${kind}` }, bedKindText(kind), el('span', { class: 'age', dataset: { bedAge: kind } })),
      el('button', { type: 'button', 'aria-label': `${bedKindText(kind)} −1`, onclick: () => step(-1) }, '−'),
      input,
      el('button', { type: 'button', 'aria-label': `${bedKindText(kind)} +1`, onclick: () => step(1) }, '+'));
  }));
}

async function save() {
  /** @type {Record<string, number>} */
  const beds = {};
  for (const kind of bedKinds) {
    const value = /** @type {HTMLInputElement} */ (document.getElementById(`bed-${kind}`)).value;
    if (value !== '') beds[kind] = Number(value);
  }
  const body = { edStatus: chosenStatus ?? undefined, beds };
  const view = await api(`/api/facilities/${facilityId}/availability`, { method: 'PUT', body });
  chosenStatus = null;
  reported = view.availability;
  renderAvailability();
  $('#saved').textContent = t('facilitySaved', { t: timeWib(reported?.updatedAt) });
}

// ---- incoming patients ----

/** @param {PreNotificationView} p */
function etaLine(p) {
  if (p.status !== 'transporting') return t(p.status);
  if (p.etaSeconds === null) return '';
  return t(p.etaBasis === 'road' ? 'facilityEta' : 'facilityEtaStraight', { eta: duration(p.etaSeconds) });
}

function renderIncoming() {
  const list = [...incoming.values()].sort((a, b) => a.chosenAt.localeCompare(b.chosenAt));
  $('#incoming-empty').hidden = list.length > 0;
  $('#incoming-list').replaceChildren(...list.map(p => el('li', { dataset: { responseId: String(p.responseId), acknowledged: String(!!p.acknowledgedAt) } },
    el('div', { class: 'incoming-head' }, el('span', { class: `chip big triage-${p.triage}` }, t(p.triage)), el('span', {}, p.callSign),
      el('span', {}, `#${p.incidentId}`), el('span', {}, t('facilityPatients', { n: p.patientCount }))),
    el('div', { class: 'incoming-complaint' }, p.complaint ?? ''),
    p.patients.length ? el('ul', { class: 'incoming-patients' }, ...p.patients.map(incomingPatient)) : null,
    el('div', { class: 'incoming-eta' }, etaLine(p)),
    el('div', { class: 'muted' }, t('facilityChosen', { t: timeWib(p.chosenAt) })),
    p.acknowledgedAt
      ? el('div', { class: 'incoming-ack' }, t('facilityAcknowledged', { t: timeWib(p.acknowledgedAt), by: p.acknowledgedBy }))
      : el('button', { type: 'button', class: 'primary big', dataset: { acknowledge: String(p.responseId) },
        onclick: () => attempt(() => acknowledge(p.responseId)) }, t('facilityAcknowledge')))));
}

/** One patient record heading here: START tag, age and sex, diagnosis, the latest observations with their time. @param {IncomingPatient} p */
function incomingPatient(p) {
  return el('li', { class: 'incoming-patient', dataset: { patientId: p.id } },
    p.triage ? el('span', { class: `chip triage-${p.triage}` }, t(p.triage)) : null, ' ',
    [ageSexText(p), p.icd10].filter(Boolean).join(' · '),
    p.latest ? el('div', { class: 'incoming-obs' }, `${t('observedAt', { time: timeWib(p.latest.at) })}: ${observationText(p.latest)}`) : null);
}

async function acknowledge(responseId) {
  const view = await api(`/api/facilities/${facilityId}/prenotifications/${responseId}/acknowledge`, { method: 'POST' });
  incoming.set(view.responseId, view);
  renderIncoming();
}

/** @param {DispatchEvent} e */
function onEvent(e) {
  if (e.type === 'PreNotification' && e.data.facilityId === facilityId) incoming.set(e.data.responseId, e.data);
  else if (e.type === 'PreNotificationEnded') incoming.delete(e.data.responseId);
  else if (e.type === 'AvailabilityChanged' && e.data.id === facilityId) { reported = e.data.availability; renderAvailability(); return; }
  else return;
  renderIncoming();
}

async function reload() {
  const [facilities, list] = await Promise.all([api('/api/facilities'), api(`/api/facilities/${facilityId}/prenotifications`)]);
  /** @type {FacilityView | undefined} */
  const mine = facilities.find(f => f.id === facilityId);
  $('#facility-name').textContent = mine?.name ?? t('facilityTitle');
  reported = mine?.availability ?? null;
  incoming.clear();
  for (const p of list) incoming.set(p.responseId, p);
  renderIncoming();
}

async function main() {
  const me = await startPage(['facility']);
  if (!me) return;
  facilityId = me.facilityId;
  await reload();
  bedRows();
  renderAvailability();
  $('#availability').addEventListener('submit', (/** @type {Event} */ e) => { e.preventDefault(); attempt(save); });
  setInterval(renderAvailability, 30000); // the ages move on
  await connectHub(onEvent, showConnection, reload);
}

main();
