// @ts-check
// Shared helpers: API calls (cookie session + antiforgery), safe DOM building, WIB time, the hub.
import { t, lang, applyI18n, toggleLanguage, problemText, roleText } from './i18n.js';

/** @type {string | null} */
let csrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API with the session cookie; state-changing calls carry the antiforgery token.
 * @param {string} path
 * @param {{ method?: string, body?: unknown, form?: FormData, onHeaders?: (headers: Headers) => void }} [options] `body` is sent as JSON,
 * `form` as multipart; `onHeaders` reads a successful answer's headers
 * @returns {Promise<any>} the answer's JSON (null when empty)
 */
export async function api(path, { method = 'GET', body, form, onHeaders } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  // Signing in needs no token (there is no session yet; SameSite=Strict guards it).
  if (method !== 'GET' && !path.startsWith('/api/auth/login')) {
    headers['X-CSRF-TOKEN'] = csrf ??= /** @type {string} */ ((await api('/api/auth/antiforgery')).requestToken);
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const payload = form ?? (body === undefined ? undefined : JSON.stringify(body)); // FormData sets its own multipart type
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  if (response.status === 401 && !path.startsWith('/api/auth/login')) {
    location.href = '/login';
    throw new ApiError(401, null);
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  // A password an administrator set, or a second factor the role needs: the login page asks for it.
  if (response.status === 403 && ['password-change-required', 'totp-enrolment-required'].includes(data?.code) && location.pathname !== '/login') {
    location.href = '/login?pending';
  }
  if (!response.ok) throw new ApiError(response.status, data);
  onHeaders?.(response.headers);
  return data;
}

/**
 * The one error path of every page: the reason, in the page's language, in a visible alert at the
 * top of the page (never only the browser's developer console). Returns the text shown.
 */
export function showError(error) {
  const text = error instanceof ApiError ? problemText(error.status, error.problem) : t('errUnexpected');
  /** @type {HTMLElement & { _timer?: number }} */
  const box = /** @type {HTMLElement | null} */ (document.querySelector('#page-alert')) ?? el('div', { id: 'page-alert', class: 'page-alert', role: 'alert' });
  if (!box.isConnected) document.body.prepend(box);
  box.replaceChildren(el('span', { class: 'page-alert-text' }, text),
    el('button', { type: 'button', class: 'page-alert-close', 'aria-label': t('dismiss'), onclick: () => { box.hidden = true; } }, '×'));
  box.hidden = false;
  clearTimeout(box._timer);
  box._timer = setTimeout(() => { box.hidden = true; }, 12000);
  return text;
}

/**
 * Runs an action of the page; a refusal or fault is shown through showError (and handed, as the
 * text shown, to `onError` for a place of its own, e.g. beside a form). Resolves to the action's
 * result, or undefined after an error: it never rejects.
 */
export async function attempt(action, onError) {
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return undefined; // api() is taking the page to the login form
    const text = showError(e);
    onError?.(text, e);
    return undefined;
  }
}

// No promise fails silently: whatever an action left unhandled is shown too.
window.addEventListener('unhandledrejection', e => {
  if (e.reason instanceof ApiError && e.reason.status === 401) return;
  showError(e.reason);
});

/**
 * Builds an element; children are nodes or strings (always inserted as text, never as HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs] attributes; `on...` are listeners, `class`, `dataset`; null, undefined and false are left out
 * @param {...any} children nodes, strings or numbers; null, undefined and false are left out; arrays are flattened
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}

const wib = () => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * A UTC instant shown in WIB (Asia/Jakarta).
 * @param {string | null | undefined} iso
 */
export function timeWib(iso) {
  return iso ? `${wib().format(new Date(iso))} WIB` : '';
}

/** @param {number} seconds */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

export const secondsSince = (/** @type {string} */ iso) => (Date.now() - new Date(iso).getTime()) / 1000;

// The pages and the roles that may open each (the server's policies: Operators, Crew, Admin, Reports).
const pages = [
  { path: '/', key: 'pageConsole', roles: ['operator', 'admin'] },
  { path: '/crew', key: 'pageCrew', roles: ['crew'] },
  { path: '/admin', key: 'pageAdmin', roles: ['admin'] },
  { path: '/reports', key: 'pageReports', roles: ['healthoffice', 'admin'] },
  { path: '/planning', key: 'pagePlanning', roles: ['healthoffice', 'admin'] },
];

/** Links to the other pages this role may open (none when it has only this one); the current page is marked. */
function pageLinks(role) {
  const mine = pages.filter(p => p.roles.includes(role));
  if (mine.length < 2) return null;
  const here = location.pathname.replace(/\/$/, '') || '/';
  return el('nav', { class: 'page-links', 'aria-label': t('pages') }, ...mine.flatMap((p, i) => [i > 0 ? ' · ' : null,
    p.path === here ? el('strong', { 'aria-current': 'page' }, t(p.key)) : el('a', { href: p.path }, t(p.key))]));
}

/**
 * An element of the page's own markup, which is always there (a missing one is a bug of the page).
 * @param {string} selector
 */
const page = selector => /** @type {HTMLElement} */ (document.querySelector(selector));

/** What a page forgets on this phone when its user logs out (a shared phone keeps no one's health data). @type {(() => void)[]} */
const loggingOut = [];
/** @param {() => void} forget */
export function onLogout(forget) { loggingOut.push(forget); }

/** Header: user and role, links to the role's other pages, language switch, logout. Returns the signed-in user. */
export async function startPage(allowedRoles) {
  applyI18n();
  const me = await api('/api/auth/me');
  // The user name is shown as the administrator wrote it (data-verbatim: not a word of the page to translate).
  // It links to the account page: one's own password, and the second factor where the role may use one.
  page('#who').replaceChildren(el('a', { href: '/login?account', class: 'account-link', title: t('account') },
    el('span', { 'data-verbatim': '' }, me.username), ` (${roleText(me.role)})`));
  const links = pageLinks(me.role);
  if (links) document.querySelector('.topbar .spacer')?.before(links);
  page('#language').addEventListener('click', toggleLanguage);
  page('#logout').addEventListener('click', async () => {
    await api('/api/auth/logout', { method: 'POST' });
    for (const forget of loggingOut) forget();
    location.href = '/login';
  });
  if (allowedRoles && !allowedRoles.includes(me.role)) {
    page('main').replaceChildren(el('p', { class: 'notice' }, t('noAccess')));
    return null;
  }
  return me;
}

/**
 * The live connection: reconnects by itself, shows its state, and fetches what it missed from
 * /api/events?after= so that every event is applied once, in order: after a reconnect, when a
 * push skips a sequence number (a push lost while the nodes' backplane was away, another node's
 * push that overtook an earlier one, or an event for someone else), and every 15 s as a safety net.
 * The server keeps only hours of events: when it says the page missed some it can no longer get
 * (away longer than Events:CatchUpHours), the page reloads its state with `reload` instead.
 * @param {(event: DispatchEvent) => void} onEvent
 * @param {(state: string) => void} showState 'connected', 'reconnecting' or 'disconnected'
 * @param {() => Promise<void> | void} [reload] reloads the page's state from the list endpoints; the whole page by default
 */
export async function connectHub(onEvent, showState, reload = () => location.reload()) {
  let lastSeq = 0;
  /** @type {Promise<void> | null} */
  let fetching = null;
  let again = false;
  const apply = e => {
    if (e.seq <= lastSeq) return; // already seen (pushed and fetched, or fetched twice)
    lastSeq = e.seq;
    onEvent(e);
  };
  const fetchMissed = async () => {
    do {
      again = false;
      for (;;) {
        let truncated = false;
        const missed = await api(`/api/events?after=${lastSeq}`, { onHeaders: h => { truncated = h.get('Psc119-Events-Truncated') === 'true'; } });
        if (truncated) {
          // Listen from now on, and take everything up to now from the lists.
          lastSeq = (await api('/api/events/last')).seq;
          await reload();
          return;
        }
        missed.forEach(apply);
        if (missed.length < 1000) break;
      }
    } while (again);
  };
  // One fetch at a time; a gap seen while one runs asks for another round.
  const catchUp = () => {
    if (fetching) { again = true; return fetching; }
    fetching = fetchMissed().finally(() => { fetching = null; });
    return fetching;
  };
  const receive = e => {
    if (e.seq === lastSeq + 1 && !fetching) apply(e);
    else if (e.seq > lastSeq) catchUp().catch(() => {});
  };
  // Each failed (re)connect asks whether the session still stands: one that ended (signed out
  // elsewhere, or disabled or changed by an administrator, whose connection the server closes)
  // answers 401 and api() takes the page to the login form. The hub's own refusal does not say
  // 401 in a form the client can read, and a network fault just fails this request too.
  const checkSession = () => { api('/api/auth/me').catch(() => {}); };
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/dispatch')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => { checkSession(); return Math.min(10000, 500 * 2 ** ctx.previousRetryCount); } })
    .build();
  // The server pings every 5 s (DispatchApp); a server silent for 12 s is gone: say so, rather
  // than after the default 30 s of a screen that looks current.
  connection.serverTimeoutInMilliseconds = 12000;
  for (const type of ['CallReceived', 'CallUpdated', 'IncidentChanged', 'UnitChanged', 'AssignmentOffered', 'AssignmentCancelled', 'AssignmentChanged', 'NoteAdded',
    'AvailabilityChanged', 'PreNotification', 'PreNotificationEnded', 'PatientChanged'])
    connection.on(type, receive);
  connection.onreconnecting(() => showState('reconnecting'));
  connection.onreconnected(async () => { showState('connected'); await catchUp(); });
  const start = async () => {
    for (;;) {
      try {
        await connection.start();
        showState('connected');
        await catchUp();
        return;
      } catch {
        checkSession();
        showState('reconnecting');
        await new Promise(r => setTimeout(r, 2000));
      }
    }
  };
  connection.onclose(() => { showState('disconnected'); start(); });
  setInterval(() => { if (connection.state === signalR.HubConnectionState.Connected) catchUp().catch(() => {}); }, 15000);
  lastSeq = (await api('/api/events/last')).seq;
  await start();
  return connection;
}

export function showConnection(state) {
  const badge = page('#connection');
  badge.textContent = t(state);
  badge.dataset.state = state;
}

/** A short two-tone alert, generated (no audio file, no network). */
export function beep() {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((hz, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.25);
      osc.stop(audio.currentTime + i * 0.25 + 0.2);
    });
  } catch { /* no audio device: the visual alert remains */ }
}
