// @ts-check
// The incident panel: one incident opened from the board, with every unit sent to it (each with its
// own status and time points), and what operators do after creation: release a unit, record a
// status reported by radio, change the incident, read and add notes. Every action goes through
// attempt() (common.js), so a refusal shows its reason in the page's language.
import { api, el, timeWib, attempt, ApiError } from './common.js';
import { t, statusText, categoryText } from './i18n.js';
import { availabilityText } from './availability.js';
import { createPatientList } from './incident-patients.js';

/** The time points of a response, in the order they happen (ResponseView). */
const timePoints = /** @type {const} */ (['notifiedAt', 'acknowledgedAt', 'enRouteAt', 'onSceneAt', 'leftSceneAt', 'atDestinationAt', 'handoverAt', 'backInServiceAt']);
/** What a crew reports (CrewStatus), and so what an operator may record from the radio; the server decides what applies. */
const crewStatuses = ['enRoute', 'onScene', 'transporting', 'atDestination', 'handover', 'available', 'returning'];
const triages = ['merah', 'kuning', 'hijau', 'hitam'];

/**
 * @typedef {{ stations: () => Map<number, any>, apply: (incident: IncidentView) => void, closed: () => void,
 *   prenotification?: (responseId: number) => PreNotificationView | undefined }} PanelHost
 * `apply` hands an incident the server answered to the console (boards, map); `closed` tells it the panel closed;
 * `prenotification` the hospital's view of the patient a response brings.
 */

/** A WIB clock time typed by the operator (HH:MM or HH:MM:SS), as an instant today; yesterday's when today's is still ahead. */
export function wibTimeToday(text, now = Date.now()) {
  if (!text) return undefined;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(now));
  const time = text.length === 5 ? `${text}:00` : text;
  let at = Date.parse(`${day}T${time}+07:00`);
  if (at > now + 60_000) at -= 86_400_000;
  return new Date(at).toISOString();
}

/**
 * @param {HTMLElement} root #incident-panel
 * @param {PanelHost} host
 */
export function createIncidentPanel(root, host) {
  const part = (/** @type {string} */ selector) => /** @type {any} */ (root.querySelector(selector));
  /** @type {{ incident: IncidentView, notes: NoteView[], form: 'edit' | 'radio' | 'release' | null, unitId: number | null } | null} */
  let open = null;

  const active = () => (open?.incident.responses ?? []).filter(r => !r.endedAt);
  const placeName = id => (id ? host.stations().get(id)?.name ?? `#${id}` : '');
  /** The hospital's acknowledgement of the patient this response brings (issue 15). @param {ResponseView} r */
  const prenotifiedText = r => {
    const p = host.prenotification?.(r.id);
    return p?.acknowledgedAt ? el('span', { class: 'prenotified muted' }, ` · ${t('prenotifiedAck', { name: placeName(p.facilityId), t: timeWib(p.acknowledgedAt) })}`) : null;
  };
  /** Replaces a part's content; null, undefined and false are left out (replaceChildren would write them as text). */
  const fill = (/** @type {Element} */ node, /** @type {any[]} */ ...children) => node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));

  function render() {
    if (!open) return;
    const i = open.incident;
    fill(part('#incident-title'), `#${i.id} `, el('span', { class: `chip triage-${i.triage ?? 'unknown'}` }, t(i.triage ?? 'unknown')), ' ',
      el('span', { class: `status-chip status-${i.status}`, dataset: { status: i.status } }, statusText(i.status)),
      i.isMajor ? el('span', { class: 'chip major-chip' }, ` ${t('major')}`) : null,
      i.waitingForUnit ? el('span', { class: 'no-unit' }, ` · ${t(i.responses.length ? 'waitingForUnitAgain' : 'noUnit')}`) : null);
    fill(part('#incident-summary'), 
      [i.address, i.kelurahan?.name].filter(Boolean).join(' · '),
      i.complaint ? el('div', { class: 'complaint' }, i.complaint) : null,
      el('div', { class: 'muted' }, [t('patientsN', { n: i.patientCount }), categoryText(i.category), i.isEmergency ? t('emergency') : null].filter(Boolean).join(' · ')));
    part('#responses').replaceChildren(...i.responses.map(responseItem));
    const none = active().length === 0;
    part('#radio-open').disabled = none;
    part('#release-open').disabled = none;
  }

  /** @param {ResponseView} r */
  function responseItem(r) {
    const ended = !!r.endedAt;
    const times = timePoints.filter(k => r[k]).map(k => el('span', { class: 'time-point', dataset: { point: k } }, `${t(`rt_${k}`)} ${timeWib(r[k])}`));
    const late = r.status === 'dispatched' && !ended;
    return el('li', { class: `response${ended ? ' ended' : ''}${late ? ' unacked' : ''}`, dataset: { unitId: r.unitId, status: r.status, endReason: r.endReason ?? '' } },
      el('div', { class: 'response-head' },
        el('strong', {}, r.callSign), ' ',
        ended ? el('span', { class: `status-chip end-${r.endReason}` }, t(`end_${r.endReason}`))
          : el('span', { class: `status-chip status-${r.status}` }, statusText(r.status)),
        r.via === 'radio' ? el('span', { class: 'via-radio', title: t('viaRadio') }, ` ⌁ ${t('radio')}`) : null,
        r.destinationId ? ` → ${placeName(r.destinationId)}` : null,
        prenotifiedText(r),
        ended ? null : el('span', { class: 'response-actions' },
          el('button', { type: 'button', class: 'radio-status', onclick: () => showForm('radio', r.unitId) }, t('recordStatus')),
          el('button', { type: 'button', class: 'release', onclick: () => showForm('release', r.unitId) }, t('release')))),
      el('div', { class: 'times' }, ...times.flatMap((e, n) => (n ? [' · ', e] : [e]))),
      ended && (r.endNote || r.divertedToIncidentId)
        ? el('div', { class: 'end-note muted' }, [r.endNote, r.divertedToIncidentId ? t('divertedTo', { id: r.divertedToIncidentId }) : null].filter(Boolean).join(' · '))
        : null);
  }

  // ---- forms: one at a time, under the responses --------------------------------------------------

  function unitChoice(selected) {
    return el('select', { name: 'unit', required: true },
      el('option', { value: '' }, t('chooseUnit')),
      ...active().map(r => el('option', { value: r.unitId, selected: r.unitId === selected }, r.callSign)));
  }

  /** @param {'edit' | 'radio' | 'release'} kind @param {number | null} [unitId] */
  function showForm(kind, unitId = null) {
    if (!open) return;
    open.form = kind;
    open.unitId = unitId ?? active()[0]?.unitId ?? null;
    const box = part('#incident-form');
    box.hidden = false;
    const form = kind === 'edit' ? editForm() : kind === 'radio' ? radioForm() : releaseForm();
    form.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); hideForm(); } });
    box.replaceChildren(form);
    /** @type {HTMLElement | null} */ (form.querySelector(kind === 'edit' ? '[name=triage]' : unitId ? '[name=status], [name=reason]' : '[name=unit]'))?.focus();
  }

  function hideForm() {
    if (!open) return;
    open.form = null;
    part('#incident-form').hidden = true;
    part('#incident-form').replaceChildren();
    root.focus();
  }

  function radioForm() {
    const status = el('select', { name: 'status', required: true }, el('option', { value: '' }, t('chooseStatus')), ...crewStatuses.map(s => el('option', { value: s }, t(s))));
    const destinations = [...host.stations().values()].filter(s => s.kind !== 'pscPost');
    const destination = el('select', { name: 'destination' }, el('option', { value: '' }, t('chooseDestination')),
      ...destinations.map(s => el('option', { value: s.id }, s.kind === 'hospital' ? `${s.name} · ${availabilityText(s.availability)}` : s.name)));
    const destinationRow = el('label', { class: 'destination-row', hidden: true }, t('destination'), destination);
    status.addEventListener('change', () => { destinationRow.hidden = status.value !== 'transporting'; });
    const at = el('input', { name: 'at', type: 'time', step: '1' });
    const form = el('form', { class: 'radio-form' },
      el('label', {}, t('unit'), unitChoice(open?.unitId)), el('label', {}, t('status'), status), destinationRow,
      el('label', {}, t('statusAt'), at),
      el('button', { type: 'submit', class: 'primary' }, t('recordStatus')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!open) return;
      const unitId = Number(/** @type {HTMLSelectElement} */ (form.querySelector('[name=unit]')).value);
      const body = { status: status.value, at: wibTimeToday(at.value), destinationId: destination.value ? Number(destination.value) : undefined };
      const id = open.incident.id;
      const incident = await attempt(() => api(`/api/incidents/${id}/responses/${unitId}/status`, { method: 'POST', body }));
      if (incident) { hideForm(); host.apply(incident); }
    });
    return form;
  }

  function releaseForm() {
    const reason = el('input', { name: 'reason', maxlength: '1000', required: true, autocomplete: 'off', placeholder: t('reason'), 'aria-label': t('reason') });
    const form = el('form', { class: 'release-form' },
      el('label', {}, t('unit'), unitChoice(open?.unitId)), el('label', {}, t('reason'), reason),
      el('button', { type: 'submit', class: 'primary' }, t('release')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!open) return;
      const unitId = Number(/** @type {HTMLSelectElement} */ (form.querySelector('[name=unit]')).value);
      const id = open.incident.id;
      const incident = await attempt(() => api(`/api/incidents/${id}/responses/${unitId}/release`, { method: 'POST', body: { reason: reason.value.trim() } }));
      if (incident) { hideForm(); host.apply(incident); }
    });
    return form;
  }

  function editForm() {
    // The version the operator is looking at: a change pushed meanwhile makes the save a 409, never a silent overwrite.
    const seen = /** @type {IncidentView} */ (open?.incident);
    const i = seen;
    const triage = el('select', { name: 'triage' }, ...triages.map(v => el('option', { value: v, selected: v === i.triage }, t(v))));
    const lat = el('input', { name: 'lat', type: 'number', step: 'any', value: i.location?.lat ?? '' });
    const lon = el('input', { name: 'lon', type: 'number', step: 'any', value: i.location?.lon ?? '' });
    const address = el('input', { name: 'address', maxlength: '2000', value: i.address ?? '' });
    const complaint = el('textarea', { name: 'complaint', rows: '2', maxlength: '4000' }, i.complaint ?? '');
    const patients = el('input', { name: 'patientCount', type: 'number', min: '0', max: '1000', value: i.patientCount });
    const category = el('select', { name: 'category' }, ...['nonTrauma', 'trauma'].map(v => el('option', { value: v, selected: v === i.category }, categoryText(v))));
    const emergency = el('input', { name: 'isEmergency', type: 'checkbox', checked: i.isEmergency });
    const major = el('input', { name: 'isMajor', type: 'checkbox', checked: i.isMajor });
    const form = el('form', { class: 'edit-form' },
      el('label', {}, t('triage'), triage),
      el('div', { class: 'pair' }, el('label', {}, t('lat'), lat), el('label', {}, t('lon'), lon)),
      el('label', {}, t('landmark'), address), el('label', {}, t('complaint'), complaint),
      el('div', { class: 'row' }, el('label', { class: 'narrow' }, t('patients'), patients), el('label', {}, t('category'), category)),
      el('label', { class: 'check' }, emergency, t('emergency')), el('label', { class: 'check' }, major, t('majorIncident')),
      el('button', { type: 'submit', class: 'primary' }, t('saveChanges')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!open) return;
      /** @type {Record<string, unknown>} */
      const change = {};
      if (triage.value !== seen.triage) change.triage = triage.value;
      if (Number(lat.value) !== seen.location?.lat || Number(lon.value) !== seen.location?.lon) change.location = { lat: Number(lat.value), lon: Number(lon.value) };
      if (address.value !== (seen.address ?? '')) change.address = address.value;
      if (complaint.value !== (seen.complaint ?? '')) change.complaint = complaint.value;
      if (Number(patients.value) !== seen.patientCount) change.patientCount = Number(patients.value);
      if (category.value !== seen.category) change.category = category.value;
      if (emergency.checked !== seen.isEmergency) change.isEmergency = emergency.checked;
      if (major.checked !== seen.isMajor) change.isMajor = major.checked;
      if (!Object.keys(change).length) { hideForm(); return; }
      /** @type {any} */
      let refusal = null;
      const incident = await attempt(() => api(`/api/incidents/${seen.id}`, { method: 'PATCH', body: { ...change, version: seen.version } }), (_, err) => { refusal = err; });
      if (incident) { hideForm(); host.apply(incident); return; }
      // Someone else changed it first: the panel shows what is stored now, and the form starts again from it.
      if (refusal instanceof ApiError && refusal.problem?.code === 'concurrency') {
        const fresh = await attempt(() => api(`/api/incidents/${seen.id}`));
        if (fresh) { host.apply(fresh); showForm('edit'); }
      }
    });
    return form;
  }

  // ---- notes -----------------------------------------------------------------------------------

  function renderNotes() {
    if (!open) return;
    const list = part('#notes');
    list.replaceChildren(...(open.notes.length ? open.notes.map(n => el('li', { class: 'note', dataset: { noteId: n.id } },
      el('span', { class: 'muted' }, `${timeWib(n.at)} · ${n.callSign ? `${n.callSign} · ` : ''}${n.author}`), el('div', { class: 'note-text' }, n.text)))
      : [el('li', { class: 'muted no-notes' }, t('noNotes'))]));
    list.scrollTop = list.scrollHeight;
  }

  async function loadNotes(id) {
    const notes = await attempt(() => api(`/api/incidents/${id}/notes`));
    const now = open;
    if (!notes || !now || now.incident.id !== id) return;
    // A note pushed while the list was on its way is kept.
    const known = new Set(notes.map(n => n.id));
    now.notes = [...notes, ...now.notes.filter(n => !known.has(n.id))].sort((a, b) => a.id - b.id);
    renderNotes();
  }

  async function addNote(e) {
    e.preventDefault();
    if (!open) return;
    const input = part('#note-text');
    const text = input.value.trim();
    if (!text) return;
    const id = open.incident.id;
    const note = await attempt(() => api(`/api/incidents/${id}/notes`, { method: 'POST', body: { text } }));
    if (!note) return;
    input.value = '';
    noteAdded(note);
  }

  /** @param {NoteView} note */
  function noteAdded(note) {
    if (!open || note.incidentId !== open.incident.id || open.notes.some(n => n.id === note.id)) return;
    open.notes = [...open.notes, note];
    renderNotes();
  }

  part('#note-form').addEventListener('submit', addNote);
  const patients = createPatientList(part('#incident-patients'), host.stations);
  part('#radio-open').addEventListener('click', () => showForm('radio'));
  part('#release-open').addEventListener('click', () => showForm('release'));
  part('#edit-open').addEventListener('click', () => showForm('edit'));
  root.tabIndex = -1;

  return {
    /** The incident open in the panel, or null. */
    get id() { return open?.incident.id ?? null; },
    /** The incident open in the panel, as last seen (its version guards a change), or null. */
    get incident() { return open?.incident ?? null; },
    /** @param {IncidentView} incident */
    show(incident) {
      if (open?.incident.id === incident.id) { open.incident = incident; render(); return; }
      open = { incident, notes: [], form: null, unitId: null };
      root.hidden = false;
      part('#incident-form').hidden = true;
      part('#incident-form').replaceChildren();
      render();
      renderNotes();
      loadNotes(incident.id);
      patients.load(incident.id);
    },
    /** A newer version of an incident: redrawn if it is the one open (a closed or cancelled one closes the panel). */
    update(incident) {
      if (!open || open.incident.id !== incident.id) return;
      if (incident.status === 'closed' || incident.status === 'cancelled') { this.close(); return; }
      open.incident = incident;
      render();
    },
    noteAdded,
    /** @param {PatientView} patient */
    patientChanged(patient) { patients.changed(patient); },
    /** @param {'edit' | 'radio' | 'release'} kind */
    form(kind) { if (open && (kind === 'edit' || active().length)) showForm(kind); },
    focusNote() { if (open) part('#note-text').focus(); },
    /** Esc: the open form first, then the panel. Returns whether it did something. */
    escape() {
      if (!open) return false;
      if (open.form) hideForm();
      else this.close();
      return true;
    },
    close() {
      if (!open) return;
      open = null;
      root.hidden = true;
      part('#responses').replaceChildren();
      part('#notes').replaceChildren();
      patients.clear();
      part('#incident-form').replaceChildren();
      host.closed();
    },
  };
}
