// @ts-check
// Administration of protocol cards: every card with its versions (who, when, in use, approval),
// an editor for the card's JSON (saved as a new version only when it validates: the server's
// message names the card and field and the current version stays in use), and reverting to an
// older version. The format is Dispatch.Api/Protocols/Cards/README.md.
import { api, el, attempt, timeWib, ApiError } from './common.js';
import { t } from './i18n.js';

const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));

/** @typedef {{ version: number, changedBy: string, changedAt: string, inUse: boolean, problem: string | null, card: any }} CardVersion */
/** @type {{ cardId: string, versions: CardVersion[] } | null} */
let editing = null;

const approvalText = (/** @type {any} */ card) => card?.approval?.status === 'approved'
  ? `${t('approvalApproved')} (${card.approval.approvedBy ?? ''})` : t('approvalSample');

async function load() {
  /** @type {{ cards: { cardId: string, versions: CardVersion[] }[], problems: { message: string }[] }} */
  const list = await api('/api/admin/protocols');
  $('#protocol-problems').hidden = list.problems.length === 0;
  $('#protocol-problems').replaceChildren(t('protocolProblems'), el('ul', {}, list.problems.map(p => el('li', {}, p.message))));
  $('#protocol-list').replaceChildren(
    el('thead', {}, el('tr', {}, ['protocolCard', 'protocolVersion', 'protocolChangedBy', 'protocolChangedAt', 'protocolApproval'].map(h => el('th', {}, t(h))), el('th', {}))),
    el('tbody', {}, list.cards.map(c => {
      const inUse = c.versions.find(v => v.inUse) ?? c.versions[0];
      return el('tr', { dataset: { cardId: c.cardId } },
        el('td', {}, inUse.card?.title?.id ?? c.cardId, ` (${c.cardId})`), el('td', {}, `v${inUse.version}`), el('td', {}, inUse.changedBy),
        el('td', {}, timeWib(inUse.changedAt)), el('td', { class: inUse.card?.approval?.status === 'approved' ? '' : 'protocol-sample-cell' }, approvalText(inUse.card)),
        el('td', {}, el('button', { type: 'button', class: 'protocol-edit', onclick: () => edit(c) }, t('protocolEdit'))));
    })));
}

function edit(/** @type {{ cardId: string, versions: CardVersion[] }} */ card) {
  editing = card;
  const inUse = card.versions.find(v => v.inUse) ?? card.versions[0];
  $('#protocol-editor').hidden = false;
  $('#protocol-editing').textContent = `${card.cardId} v${inUse.version}`;
  $('#protocol-json').value = JSON.stringify(inUse.card, null, 2);
  $('#protocol-error').textContent = '';
  $('#protocol-versions').replaceChildren(...card.versions.map(v => el('li', {},
    `v${v.version} · ${v.changedBy} · ${timeWib(v.changedAt)} · ${approvalText(v.card)}${v.inUse ? ` · ${t('protocolInUse')}` : ''}${v.problem ? ` · ${v.problem}` : ''} `,
    v.inUse ? null : el('button', { type: 'button', onclick: () => attempt(() => saved(api(`/api/admin/protocols/${card.cardId}/revert`, { method: 'POST', body: { version: v.version } }))) }, t('protocolRevert')))));
  $('#protocol-json').focus();
}

async function saved(/** @type {Promise<any>} */ request) {
  const card = await request;
  $('#protocol-error').textContent = t('protocolSaved', { version: card.version });
  await load();
  $('#protocol-editor').hidden = true;
}

async function save() {
  if (!editing) return;
  $('#protocol-error').textContent = '';
  let body;
  try { body = JSON.parse($('#protocol-json').value); } catch (e) { $('#protocol-error').textContent = String(e); return; }
  try {
    await saved(api(`/api/admin/protocols/${editing.cardId}`, { method: 'PUT', body }));
  } catch (e) {
    // The validator's own sentence names the card and the field: shown as it is, beside the editor.
    if (e instanceof ApiError && e.problem?.errors) $('#protocol-error').textContent = Object.values(e.problem.errors).flat().join(' ');
    else throw e;
  }
}

export async function startProtocols() {
  $('#protocol-save').addEventListener('click', () => attempt(save));
  await load();
}
