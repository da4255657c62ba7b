// @ts-check
// The patients of the incident open in the console (issue 15), read live: each with its START tag,
// age and sex, the latest observations with their time, the working diagnosis, the outcome and the
// destination. Loaded when the panel opens; PatientChanged events replace a patient in place.
import { api, el, timeWib, attempt } from './common.js';
import { t } from './i18n.js';

/** The latest observations, as "TD 120/80 · N 88 · RR 18 · SpO2 97% · GCS 15 · 36.8°C · GDS 110". */
/** @param {ObservationView} o */
export function observationText(o) {
  return [
    o.systolic != null || o.diastolic != null ? `TD ${o.systolic ?? '?'}/${o.diastolic ?? '?'}` : null,
    o.pulse != null ? `N ${o.pulse}` : null, o.respRate != null ? `RR ${o.respRate}` : null, o.spo2 != null ? `SpO2 ${o.spo2}%` : null,
    o.gcs != null ? `GCS ${o.gcs}` : null, o.temperature != null ? `${o.temperature}°C` : null, o.glucose != null ? `GDS ${o.glucose}` : null,
  ].filter(Boolean).join(' · ');
}

/** Age and sex as "34 th · P", or the age group. @param {Pick<PatientView, 'age' | 'ageGroup' | 'sex'>} p */
export function ageSexText(p) {
  const age = p.age != null ? t('years', { n: p.age }) : p.ageGroup ? t(`ageGroup_${p.ageGroup}`) : null;
  return [age, p.sex ? t(`sex_${p.sex}`) : null].filter(Boolean).join(' · ');
}

/** What the record still lacks ("Belum lengkap: tujuan"), or null when complete. @param {Pick<PatientView, 'missing'>} p */
export function missingText(p) {
  const missing = p.missing ?? [];
  return missing.length ? t('patientMissing', { fields: missing.map(m => t(`missing_${m}`)).join(', ') }) : null;
}

/**
 * @param {HTMLElement} list the <ol> the patients go in
 * @param {() => Map<number, any>} stations the facilities by id, for the destination's name
 */
export function createPatientList(list, stations) {
  /** @type {{ incidentId: number, patients: PatientView[] } | null} */
  let open = null;

  function render() {
    if (!open) { list.replaceChildren(); return; }
    list.replaceChildren(...(open.patients.length ? open.patients.map((p, i) => item(p, i)) : [el('li', { class: 'muted no-patients' }, t('noPatients'))]));
  }

  /** @param {PatientView} p @param {number} i */
  function item(p, i) {
    const latest = p.observations.at(-1);
    const destination = p.destinationId != null ? stations().get(p.destinationId)?.name ?? `#${p.destinationId}` : null;
    return el('li', { class: 'patient', dataset: { patientId: p.id } },
      el('div', {},
        p.triage ? el('span', { class: `triage triage-${p.triage}` }, p.triage) : null, ' ',
        el('strong', {}, p.name ?? t('patientOf', { n: i + 1 })), ' ', el('span', { class: 'muted' }, ageSexText(p))),
      latest ? el('div', { class: 'patient-obs' }, `${t('observedAt', { time: timeWib(latest.at) })}: ${observationText(latest)}`) : null,
      p.icd10 ? el('div', { class: 'patient-icd10' }, p.icd10, p.icd10Listed === false ? el('span', { class: 'muted' }, ` (${t('icd10Unlisted')})`) : null) : null,
      p.treatments.length ? el('div', { class: 'patient-treatments muted' }, p.treatments.join(', ')) : null,
      p.outcome || destination ? el('div', { class: 'patient-outcome' }, [p.outcome ? t(`outcome_${p.outcome}`) : null, destination].filter(Boolean).join(' → ')) : null,
      p.sisruteRef ? el('div', { class: 'muted' }, t('sisrute', { ref: p.sisruteRef })) : null,
      missingText(p) ? el('div', { class: 'patient-missing' }, missingText(p)) : null,
      p.handoverAt ? el('div', { class: 'muted' }, t('handedOver', { time: timeWib(p.handoverAt), name: p.receivedBy ?? '?' })) : null);
  }

  return {
    /** @param {number} incidentId */
    async load(incidentId) {
      open = { incidentId, patients: [] };
      render();
      const patients = await attempt(() => api(`/api/incidents/${incidentId}/patients`));
      if (!patients || open?.incidentId !== incidentId) return;
      // A patient pushed while the list was on its way is kept if it is newer.
      const pushed = new Map(open.patients.map(p => [p.id, p]));
      open.patients = patients.map((/** @type {PatientView} */ p) => (pushed.get(p.id)?.version ?? 0) > p.version ? /** @type {PatientView} */ (pushed.get(p.id)) : p)
        .concat(open.patients.filter(p => !patients.some((/** @type {PatientView} */ q) => q.id === p.id)));
      render();
    },
    /** @param {PatientView} patient */
    changed(patient) {
      if (!open || patient.incidentId !== open.incidentId) return;
      const at = open.patients.findIndex(p => p.id === patient.id);
      if (at < 0) open.patients = [...open.patients, patient];
      else if (open.patients[at].version <= patient.version) open.patients = open.patients.with(at, patient);
      render();
    },
    clear() { open = null; render(); },
  };
}
