// @ts-check
// The incident's notes on the crew's phone: what operators and the other crews wrote, pushed as
// they are written (NoteAdded), and the crew's own. Append-only, oldest first, like the server.
import { api, ApiError, el, timeWib, attempt, showError } from './common.js';
import { t } from './i18n.js';

/**
 * A request that found no network: said as "no signal" in the page's language, not as a fault.
 * For actions that cannot wait on the phone (a note, a decline), unlike status taps.
 * @param {unknown} e
 * @returns {never}
 */
export function needsSignal(e) {
  throw e instanceof ApiError ? e : new ApiError(0, { code: 'no-signal' });
}

/**
 * @param {{ box: HTMLElement, list: HTMLElement, empty: HTMLElement, form: HTMLFormElement, text: HTMLTextAreaElement }} parts
 */
export function createNotes(parts) {
  /** @type {number | null} */
  let incidentId = null;
  /** @type {NoteView[]} */
  let notes = [];

  // The author and the text are what a person wrote (data-verbatim: not words of the page).
  const item = (/** @type {NoteView} */ n) => el('li', { dataset: { noteId: String(n.id) } },
    el('span', { class: 'note-meta' }, `${timeWib(n.at)} · `, el('span', { 'data-verbatim': '' }, n.author), n.callSign ? ` (${n.callSign})` : null),
    el('span', { class: 'note-text', 'data-verbatim': '' }, n.text));

  const render = () => {
    parts.list.replaceChildren(...notes.map(item));
    parts.empty.hidden = notes.length > 0;
  };

  /** Adds a note of the incident shown (a push, a load, or the crew's own), once. */
  function add(/** @type {NoteView} */ note) {
    if (note.incidentId !== incidentId || notes.some(n => n.id === note.id)) return;
    notes = [...notes, note].sort((a, b) => a.id - b.id);
    render();
  }

  /** Shows the notes of this incident (null: none); loads them when the incident changes. */
  async function show(/** @type {number | null} */ id) {
    if (id === incidentId) return;
    incidentId = id;
    notes = [];
    render();
    parts.box.hidden = id === null;
    if (id === null) return;
    try {
      /** @type {NoteView[]} */
      const loaded = await api(`/api/incidents/${id}/notes`);
      loaded.forEach(add);
    } catch (e) {
      // Without signal the list stays as it is (the connection badge says so); a refusal is shown.
      if (e instanceof ApiError) { if (e.status !== 401) showError(e); }
      else if (incidentId === id) incidentId = null; // no signal: load again on the next render
    }
  }

  async function send() {
    const text = parts.text.value.trim();
    if (incidentId === null) return;
    if (!text) {
      parts.text.focus();
      throw new ApiError(422, { code: 'note-required' });
    }
    /** @type {NoteView} */
    const note = await api(`/api/incidents/${incidentId}/notes`, { method: 'POST', body: { text } }).catch(needsSignal);
    parts.text.value = '';
    add(note);
  }

  parts.form.addEventListener('submit', e => { e.preventDefault(); attempt(send); });
  return { show, add };
}
