// @ts-check
// Guided call taking (issue 15): on the incident open in the panel the operator picks a protocol
// card (type to filter, arrows and Enter, Esc), answers its key questions (Y/N or a choice's digit,
// arrows between questions, Enter for the suggestion), sees the suggested triage and applies it or
// chooses another (G, or 1-4: the suggestion never sets the triage by itself), then reads the
// instructions step by step (right arrow: given and recorded, left: back). The CPR card shows the
// compression metronome. Every card shows whether it is a sample awaiting the medical lead.
import { api, el, attempt } from './common.js';
import { t, lang } from './i18n.js';
import { createMetronome } from './metronome.js';

const triages = ['merah', 'kuning', 'hijau', 'hitam'];
const local = (/** @type {LocalText} */ text) => text[lang] ?? text.id;

/**
 * @param {HTMLElement} root #protocol-panel
 * @param {{ incident: () => IncidentView | null, apply: (incident: IncidentView) => void }} host
 */
export function createProtocolPanel(root, host) {
  /** @type {ProtocolCard[]} */ let cards = [];
  /** @type {{ incidentId: number, phase: 'pick' | 'questions' | 'advice', shown: ProtocolCard[], selected: number, card: ProtocolCard | null,
   *   answers: Record<string, string>, question: number, result: ProtocolResult | null, step: number, given: Set<number> } | null} */
  let s = null;
  /** @type {ReturnType<typeof createMetronome> | null} */ let metronome = null;
  const search = /** @type {HTMLInputElement} */ (el('input', { id: 'protocol-search', autocomplete: 'off', placeholder: t('protocolSearch'), 'aria-label': t('protocolSearch') }));
  search.addEventListener('input', () => { if (s) { s.shown = filter(search.value); s.selected = 0; render(); } });
  const body = el('div', { class: 'protocol-body' });
  const list = el('ul', { id: 'protocol-cards', class: 'protocol-cards', role: 'listbox' });
  const beat = el('div', { id: 'metronome', class: 'metronome', hidden: true });
  root.tabIndex = -1;
  root.addEventListener('keydown', onKey);

  const filter = (/** @type {string} */ text) => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return cards.filter(c => words.every(w => [c.title.id, c.title.en, ...c.keywords].some(k => k.toLowerCase().includes(w))));
  };

  /** The incident the card was opened on, while the panel still shows it: never another one opened since. */
  const target = () => { const i = host.incident(); return i && s && i.id === s.incidentId ? i : null; };

  async function open() {
    const incident = host.incident();
    if (!incident) return;
    const loaded = await attempt(() => api('/api/protocols'));
    if (!loaded) return;
    cards = loaded;
    s = { incidentId: incident.id, phase: 'pick', shown: cards, selected: 0, card: null, answers: {}, question: 0, result: null, step: 0, given: new Set() };
    search.value = '';
    root.hidden = false;
    render();
    search.focus();
  }

  function close() {
    metronome?.stop();
    metronome = null;
    s = null;
    root.hidden = true;
    root.replaceChildren();
  }

  function pick(/** @type {ProtocolCard | undefined} */ card) {
    if (!s || !card) return;
    Object.assign(s, { phase: 'questions', card, answers: {}, question: 0, result: null, step: 0, given: new Set() });
    render();
    root.focus();
  }

  function answer(/** @type {string} */ value) {
    if (!s?.card) return;
    const q = s.card.questions[s.question];
    s.answers[q.id] = value;
    s.question = Math.min(s.question + 1, s.card.questions.length - 1);
    render();
    if (Object.keys(s.answers).length === s.card.questions.length) suggest();
  }

  async function suggest() {
    const incident = target();
    if (!s?.card || !incident) return;
    const result = await attempt(() => api(`/api/incidents/${incident.id}/protocol`, { method: 'POST', body: { cardId: s?.card?.id, answers: s?.answers } }));
    if (!result || !s) return;
    Object.assign(s, { phase: 'advice', result, step: 0 });
    // The metronome follows the answers that call for compressions (the server's advice), never the card alone.
    metronome?.stop();
    metronome = result.metronome ? createMetronome(beat) : null;
    render();
  }

  async function chooseTriage(/** @type {string} */ triage) {
    const incident = target();
    if (!incident) return;
    const fresh = await attempt(() => api(`/api/incidents/${incident.id}`, { method: 'PATCH', body: { triage, version: incident.version } }));
    if (fresh) { host.apply(fresh); render(); }
  }

  // Steps run one after the other: a second key press while the first is recorded moves on from where that one ends.
  /** @type {Promise<void>} */ let stepping = Promise.resolve();
  const stepBy = (/** @type {number} */ delta) => { stepping = stepping.then(() => stepTo((s?.step ?? 0) + delta)); };

  async function stepTo(/** @type {number} */ next) {
    if (!s?.result) return;
    const count = s.result.instructions.length;
    if (next > s.step && !s.given.has(s.step)) {
      const incident = target();
      const done = incident && await attempt(() => api(`/api/incidents/${incident.id}/protocol/instructions`, { method: 'POST', body: { cardId: s?.result?.cardId, step: s?.step, ruleIndex: s?.result?.ruleIndex } }));
      if (!done || !s) return;
      s.given.add(s.step);
    }
    s.step = Math.max(0, Math.min(count - 1, next));
    render();
  }

  function onKey(/** @type {KeyboardEvent} */ e) {
    if (!s || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    const handled = () => { e.preventDefault(); e.stopPropagation(); };
    if (key === 'escape') { handled(); if (s.phase === 'pick') close(); else { metronome?.stop(); metronome = null; s.phase = 'pick'; render(); search.focus(); } return; }
    if (s.phase === 'pick') {
      if (key === 'arrowdown' || key === 'arrowup') { handled(); s.selected = (s.selected + (key === 'arrowdown' ? 1 : -1) + s.shown.length) % Math.max(1, s.shown.length); render(); }
      else if (key === 'enter') { handled(); pick(s.shown[s.selected]); }
      return;
    }
    if (e.target instanceof HTMLInputElement) return; // the metronome's rate
    if (metronome && key === 's') { handled(); metronome.toggle(); return; }
    if (metronome && key === 'm') { handled(); metronome.toggleMute(); return; }
    if (s.phase === 'questions' && s.card) {
      const q = s.card.questions[s.question];
      if (key === 'arrowdown' || key === 'arrowup') { handled(); s.question = Math.max(0, Math.min(s.card.questions.length - 1, s.question + (key === 'arrowdown' ? 1 : -1))); render(); }
      else if (key === 'enter') { handled(); suggest(); }
      else if (q.kind === 'yesNo' && (key === 'y' || key === 'n')) { handled(); answer(key === 'y' ? 'yes' : 'no'); }
      else if (q.kind === 'choice' && q.choices[Number(key) - 1]) { handled(); answer(q.choices[Number(key) - 1].id); }
      return;
    }
    if (s.phase === 'advice' && s.result) {
      if (key === 'g') { handled(); chooseTriage(s.result.suggestedTriage); }
      else if (triages[Number(key) - 1]) { handled(); chooseTriage(triages[Number(key) - 1]); }
      else if (key === 'arrowright' || key === 'arrowleft') { handled(); stepBy(key === 'arrowright' ? 1 : -1); }
      else if (key === 'q') { handled(); s.phase = 'questions'; render(); }
    }
  }

  function banner(/** @type {ProtocolCard} */ card) {
    return card.approval.status === 'approved'
      ? el('p', { class: 'protocol-approved' }, t('protocolApprovedBy', { name: card.approval.approvedBy ?? '' }))
      : el('p', { class: 'protocol-sample', role: 'note' }, t('protocolSample'));
  }

  function questions(/** @type {ProtocolCard} */ card) {
    return el('ol', { class: 'protocol-questions' }, card.questions.map((q, n) => el('li', {
      class: `protocol-question${s?.question === n && s.phase === 'questions' ? ' current' : ''}`, dataset: { question: q.id, answer: s?.answers[q.id] ?? '' } },
      local(q.text), ' ',
      q.kind === 'yesNo'
        ? ['yes', 'no'].map(v => el('button', { type: 'button', class: `answer${s?.answers[q.id] === v ? ' chosen' : ''}`, onclick: () => { if (s) s.question = n; answer(v); } },
            t(v === 'yes' ? 'protocolYes' : 'protocolNo'), ' ', el('kbd', {}, v === 'yes' ? 'Y' : 'N')))
        : q.choices.map((c, i) => el('button', { type: 'button', class: `answer${s?.answers[q.id] === c.id ? ' chosen' : ''}`, onclick: () => { if (s) s.question = n; answer(c.id); } },
            local(c.text), ' ', el('kbd', {}, String(i + 1)))))));
  }

  function advice(/** @type {ProtocolResult} */ r) {
    const current = host.incident()?.triage;
    const step = s?.step ?? 0;
    return [
      el('div', { class: 'protocol-advice' },
        t('protocolSuggested'), ' ', el('span', { id: 'protocol-suggested', class: `chip triage-${r.suggestedTriage}` }, t(r.suggestedTriage)), ' · ',
        t('protocolCurrent'), ' ', el('span', { id: 'protocol-current', class: `chip triage-${current}` }, t(current ?? '')),
        el('div', { class: 'row' },
          el('button', { type: 'button', id: 'protocol-apply', onclick: () => chooseTriage(r.suggestedTriage) }, t('protocolApply'), ' ', el('kbd', {}, 'G')),
          el('span', { class: 'muted' }, t('protocolChoose')),
          triages.map((tr, i) => el('button', { type: 'button', class: `chip triage-${tr}`, onclick: () => chooseTriage(tr) }, t(tr), ' ', el('kbd', {}, String(i + 1)))))),
      el('div', { class: 'protocol-steps' },
        el('h5', {}, t('protocolStepN', { n: step + 1, of: r.instructions.length }), ' ', el('kbd', {}, '←'), ' ', el('kbd', {}, '→')),
        el('p', { id: 'protocol-step', class: `protocol-step${s?.given.has(step) ? ' given' : ''}`, dataset: { step } }, local(r.instructions[step])),
        el('ol', { class: 'protocol-step-list' }, r.instructions.map((i, n) => el('li', { class: `${n === step ? 'current' : ''}${s?.given.has(n) ? ' given' : ''}` },
          s?.given.has(n) ? `✓ ${local(i)}` : local(i)))),
        el('div', { class: 'row' },
          el('button', { type: 'button', onclick: () => stepBy(-1) }, t('protocolPrev')),
          el('button', { type: 'button', id: 'protocol-next', onclick: () => stepBy(1) }, t('protocolNext')))),
    ];
  }

  function render() {
    if (!s) return;
    const head = el('h4', {}, t('protocol'), ' ', el('kbd', {}, 'Alt+Q'), ' ', el('button', { type: 'button', class: 'link', onclick: close }, t('closePanel'), ' ', el('kbd', {}, 'Esc')));
    if (s.phase === 'pick') {
      // The search box stays in place while the list changes: moving it would drop the focus mid-word.
      if (list.parentNode !== body) { body.replaceChildren(search, list); root.replaceChildren(head, body); }
      list.replaceChildren(...(s.shown.length === 0 ? [el('li', { class: 'muted' }, t('protocolNoCards'))]
        : s.shown.map((c, n) => el('li', { role: 'option', 'aria-selected': String(n === s?.selected), class: n === s?.selected ? 'selected' : '', dataset: { cardId: c.id }, onclick: () => pick(c) }, local(c.title)))));
      return;
    }
    const card = /** @type {ProtocolCard} */ (s.card);
    body.replaceChildren(...[el('h5', { id: 'protocol-title', dataset: { cardId: card.id, version: card.version } }, local(card.title), ` (v${card.version})`),
      banner(card), questions(card),
      s.phase === 'questions' ? el('p', { class: 'muted' }, t('protocolKeys')) : null,
      ...(s.phase === 'advice' && s.result ? advice(s.result) : []),
      el('p', { class: 'protocol-sources muted' }, t('protocolSources'), ' ', card.sources.map(src => `${src.publisher} ${src.year}: ${src.title}`).join(' · '))].filter(n => n !== null));
    root.replaceChildren(head, beat, body);
  }

  return {
    open,
    /** Esc from the console: closes the protocol panel first. Returns whether it did something. */
    escape() { if (!s) return false; close(); return true; },
    close,
  };
}
