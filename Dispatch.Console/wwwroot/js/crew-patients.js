// @ts-check
// The crew's patient records on the phone (issue 15): add a patient, START tag, age, sex, quick
// observations, treatments, ICD-10, outcome, destination, SISRUTE reference and handover. Every
// change shows at once, is kept on the phone with the request that carries it (outbox.js) and is
// sent in order when there is signal; the ids are made here, so a replay is harmless. Once all is
// sent and the assignment is over, the personal data leaves the phone.
import { api, el, attempt, showError, timeWib, onLogout } from './common.js';
import { t } from './i18n.js';
import { createOutbox, newId } from './outbox.js';
import { observationText, ageSexText, missingText } from './incident-patients.js';

const triages = ['merah', 'kuning', 'hijau', 'hitam'];
const outcomes = ['treatedOnScene', 'transported', 'refused', 'died'];
const vitals = /** @type {const} */ (['systolic', 'diastolic', 'pulse', 'respRate', 'spo2', 'gcs', 'temperature', 'glucose']);
const quickTreatments = ['treatOxygen', 'treatIv', 'treatSplint', 'treatBandage', 'treatCpr', 'treatPosition'];

/**
 * @param {number} unitId
 * @param {HTMLElement} box the section the patients are drawn in
 * @param {() => number} now the server's time as this phone knows it (ms)
 */
export function createCrewPatients(unitId, box, now) {
  const stateKey = `psc119.crewPatients.${unitId}`;
  /** @type {{ incidentId: number | null, patients: PatientView[] }} */
  let state = (() => { try { return JSON.parse(localStorage.getItem(stateKey) ?? 'null') ?? { incidentId: null, patients: [] }; } catch { return { incidentId: null, patients: [] }; } })();
  /** @type {{ id: number, name: string }[]} */
  let facilities = [];
  const keep = () => localStorage.setItem(stateKey, JSON.stringify(state));

  // The assignment ended while changes still waited: forget the records once the last one is sent.
  let ended = false;
  const forget = () => { state = { incidentId: null, patients: [] }; localStorage.removeItem(stateKey); ended = false; };
  const outbox = createOutbox(`psc119.crewPatientOutbox.${unitId}`, {
    onChange: () => { if (ended && outbox.list().length === 0) forget(); render(); },
    onSent: (_item, answer) => { if (answer?.id) merge(answer); },
    onRefused: (e) => showError(e),
  });

  /** A patient the server answered or pushed: kept unless the phone holds changes still waiting. @param {PatientView} p */
  function merge(p) {
    if (p.incidentId !== state.incidentId) return;
    const waiting = outbox.list().some(i => (i.path ?? '').includes(`/patients/${p.id}`) || i.body?.id === p.id);
    const at = state.patients.findIndex(x => x.id === p.id);
    if (at < 0) state.patients = [...state.patients, p];
    else if (!waiting) state.patients = state.patients.with(at, p);
    keep();
    render();
  }

  /** Applies a change here at once and queues it. @param {PatientView} p @param {Partial<PatientView>} change */
  function change(p, change) {
    Object.assign(p, change);
    keep();
    render();
    outbox.add({ path: `/api/incidents/${p.incidentId}/patients/${p.id}`, method: 'PUT', body: change });
  }

  function addPatient() {
    if (state.incidentId == null) return;
    /** @type {PatientView} */
    const p = { id: newId(), incidentId: state.incidentId, name: null, age: null, ageGroup: null, sex: null, triage: null, icd10: null, icd10Listed: null,
      treatments: [], outcome: null, destinationId: null, sisruteRef: null, handoverAt: null, receivedBy: null, updatedAt: new Date(now()).toISOString(), version: 0, observations: [] };
    state.patients = [...state.patients, p];
    keep();
    render();
    outbox.add({ path: `/api/incidents/${p.incidentId}/patients`, method: 'POST', body: { id: p.id } });
  }

  /** @param {PatientView} p @param {HTMLFormElement} form */
  function observe(p, form) {
    const data = new FormData(form);
    /** @type {Record<string, any>} */
    const body = { id: newId(), at: new Date(now()).toISOString() };
    for (const v of vitals) { const x = String(data.get(v) ?? '').replace(',', '.').trim(); if (x) body[v] = Number(x); }
    if (Object.keys(body).length === 2) return;
    p.observations = [...p.observations, /** @type {ObservationView} */ ({ recordedBy: '', systolic: null, diastolic: null, pulse: null, respRate: null, spo2: null, gcs: null, temperature: null, glucose: null, ...body })];
    keep();
    form.reset();
    render();
    outbox.add({ path: `/api/incidents/${p.incidentId}/patients/${p.id}/observations`, method: 'POST', body });
  }

  const button = (/** @type {string} */ text, /** @type {() => void} */ onClick, /** @type {Record<string, any>} */ attrs = {}) => {
    const b = el('button', { type: 'button', class: 'chip', ...attrs }, text);
    b.addEventListener('click', onClick);
    return b;
  };

  /** @param {string} label @param {HTMLElement} control */
  const field = (label, control) => el('label', { class: 'patient-field' }, el('span', {}, label), control);

  /** A text input saved when it is left. @param {PatientView} p @param {'name' | 'sisruteRef' | 'receivedBy' | 'icd10'} key @param {number} max */
  function textInput(p, key, max) {
    const input = /** @type {HTMLInputElement} */ (el('input', { value: p[key] ?? '', maxlength: String(max), name: key, autocomplete: 'off' }));
    input.addEventListener('change', () => change(p, { [key]: input.value.trim() || null }));
    return input;
  }

  /** @param {PatientView} p @param {number} i */
  function card(p, i) {
    const age = /** @type {HTMLInputElement} */ (el('input', { type: 'number', inputmode: 'numeric', min: '0', max: '130', name: 'age', value: p.age ?? '' }));
    age.addEventListener('change', () => change(p, { age: age.value === '' ? null : Number(age.value) }));
    const icd = textInput(p, 'icd10', 9);
    const listId = `icd10-${p.id}`;
    icd.setAttribute('list', listId);
    const options = el('datalist', { id: listId });
    // Suggestions only: typed on a moving phone, often without signal, so quietly, after a pause, and never an older answer over a newer one.
    /** @type {ReturnType<typeof setTimeout> | undefined} */ let pause;
    icd.addEventListener('input', () => {
      clearTimeout(pause);
      const q = icd.value.trim();
      if (q.length < 2) return;
      pause = setTimeout(async () => {
        const found = await api(`/api/icd10?q=${encodeURIComponent(q)}&limit=10`).catch(() => null);
        if (!found || icd.value.trim() !== q) return;
        options.replaceChildren(...found.entries.map((/** @type {{ code: string, title: string }} */ e) => el('option', { value: e.code }, e.title)));
      }, 300);
    });
    const destination = /** @type {HTMLSelectElement} */ (el('select', { name: 'destinationId' }, el('option', { value: '' }, '—'),
      ...facilities.map(f => el('option', { value: String(f.id), selected: f.id === p.destinationId ? '' : undefined }, f.name))));
    destination.addEventListener('change', () => change(p, { destinationId: destination.value ? Number(destination.value) : null }));
    const outcome = /** @type {HTMLSelectElement} */ (el('select', { name: 'outcome' }, el('option', { value: '' }, '—'),
      ...outcomes.map(o => el('option', { value: o, selected: o === p.outcome ? '' : undefined }, t(`outcome_${o}`)))));
    outcome.addEventListener('change', () => change(p, { outcome: /** @type {any} */ (outcome.value || null) }));
    const free = /** @type {HTMLInputElement} */ (el('input', { name: 'treatment', maxlength: '200', autocomplete: 'off' }));
    free.addEventListener('change', () => { if (free.value.trim()) change(p, { treatments: [...p.treatments, free.value.trim()] }); });
    const obs = /** @type {HTMLFormElement} */ (el('form', { class: 'obs-form' },
      ...vitals.map(v => field(t(`vital_${v}`), el('input', { name: v, inputmode: v === 'temperature' ? 'decimal' : 'numeric', autocomplete: 'off' }))),
      el('button', { type: 'submit', class: 'big' }, t('crewObservationSave'))));
    obs.addEventListener('submit', e => { e.preventDefault(); observe(p, obs); });
    const latest = p.observations.at(-1);
    return el('li', { class: 'patient-card', dataset: { patientId: p.id } },
      el('h4', {}, t('patientOf', { n: i + 1 }), ' ', el('span', { class: 'muted' }, ageSexText(p))),
      missingText(p) ? el('p', { class: 'patient-missing' }, missingText(p)) : null,
      el('div', { class: 'chips triage-chips' }, ...triages.map(x => button(x, () => change(p, { triage: /** @type {any} */ (x) }), { class: `chip triage-${x}`, 'aria-pressed': String(p.triage === x) }))),
      field(t('patientName'), textInput(p, 'name', 200)), field(t('crewAge'), age),
      el('div', { class: 'chips' }, ...['male', 'female'].map(s => button(t(`sex_${s}`), () => change(p, { sex: /** @type {any} */ (s) }), { 'aria-pressed': String(p.sex === s) }))),
      latest ? el('p', { class: 'muted' }, `${timeWib(latest.at)}: ${observationText(latest)}`) : null,
      obs,
      el('div', { class: 'chips' }, ...quickTreatments.map(k => button(t(k), () => change(p, { treatments: [...p.treatments, t(k)] })))),
      p.treatments.length ? el('p', { class: 'patient-treatments' }, p.treatments.join(', ')) : null,
      field(t('crewTreatmentOther'), free),
      field('ICD-10', icd), options,
      field(t('crewOutcome'), outcome), field(t('crewDestination'), destination),
      field('SISRUTE', textInput(p, 'sisruteRef', 64)),
      button(t('crewHandoverNow'), () => change(p, { handoverAt: new Date(now()).toISOString() }), { class: 'big' }),
      p.handoverAt ? el('p', { class: 'muted' }, timeWib(p.handoverAt)) : null,
      field(t('crewReceivedBy'), textInput(p, 'receivedBy', 200)));
  }

  function render() {
    const list = box.querySelector('#patients-list');
    const waiting = box.querySelector('#patients-waiting');
    if (!list || !waiting) return;
    // A rebuild (a push, an answer to the previous field) must not wipe what the crew is typing:
    // unsaved observation values and the focused field are carried over to the new cards.
    const typed = [...list.querySelectorAll('.patient-card input, .patient-card select')]
      .map(i => /** @type {HTMLInputElement} */ (i))
      .filter(i => i.name && (i === document.activeElement || (i.closest('.obs-form') && i.value !== '')))
      .map(i => ({ key: `${/** @type {HTMLElement} */ (i.closest('.patient-card')).dataset.patientId}|${i.name}`, value: i.value, focused: i === document.activeElement }));
    list.replaceChildren(...state.patients.map(card));
    for (const draft of typed) {
      const [patientId, name] = draft.key.split('|');
      const input = /** @type {HTMLInputElement | null} */ ([...list.querySelectorAll('.patient-card')]
        .find(c => /** @type {HTMLElement} */ (c).dataset.patientId === patientId)?.querySelector(`[name="${CSS.escape(name)}"]`) ?? null);
      if (!input) continue;
      input.value = draft.value;
      if (draft.focused) input.focus();
    }
    const n = outbox.list().length;
    waiting.textContent = n ? t('crewPatientsWaiting', { n }) : '';
    box.hidden = state.incidentId == null;
  }

  box.querySelector('#patient-add')?.addEventListener('click', addPatient);
  // Sent records leave a shared phone with the user who logs out; unsent ones stay until they are sent.
  onLogout(() => { if (outbox.list().length === 0) forget(); });

  return {
    /** The assignment shown (or none): a new incident starts an empty list; none forgets the sent records. @param {number | null} incidentId */
    async show(incidentId) {
      if (incidentId !== state.incidentId && incidentId != null) {
        state = { incidentId, patients: [] };
        ended = false;
        keep();
        const loaded = await attempt(() => api(`/api/incidents/${incidentId}/patients`));
        for (const p of loaded ?? []) merge(p);
      }
      if (incidentId == null && state.incidentId != null) { if (outbox.list().length === 0) forget(); else ended = true; }
      if (!facilities.length) facilities = (await attempt(() => api('/api/facilities')) ?? []).filter((/** @type {{ kind: string }} */ f) => f.kind !== 'pscPost');
      render();
      outbox.flush();
    },
    /** @param {PatientView} p */
    changed: merge,
  };
}
