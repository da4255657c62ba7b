// @ts-check
// Requests that wait for signal, kept on the phone (localStorage, so a reload keeps them) and sent
// in the order they were made as soon as the network answers. Each must be idempotent on the
// server or carry what makes it so (a crew tap its time and incident, a patient record its ids).
// Used by the crew's status taps (crew-taps.js) and patient records (crew-patients.js).
import { api, ApiError } from './common.js';

/** @typedef {{ id: string, path?: string, method?: string, body?: any }} Pending */

const retryMs = 4000;

/**
 * A random UUID (v4), also where crypto.randomUUID is missing: it exists in secure contexts only
 * (HTTPS, localhost), and a PSC may serve its LAN over plain HTTP.
 */
export function newId() {
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** No answer at all (no signal) or a server that cannot answer now: keep it and try again. @param {unknown} e */
export const mustWait = e => !(e instanceof ApiError) || e.status === 401 || e.status >= 500;

/**
 * @template {Pending} T
 * @param {string} key the localStorage key
 * @param {{ send?: (item: T) => Promise<any>, onChange: () => void, onSent: (item: T, answer: any) => void | Promise<void>,
 *   onRefused: (error: unknown, item: T) => void, onWaiting?: (error: unknown, item: T) => void }} hooks
 *   send: how an item goes out (default: its path, method and body); onSent: answered, awaited before it
 *   leaves the list; onRefused: the server refused it (it is dropped); onWaiting: it stays for a retry.
 */
export function createOutbox(key, hooks) {
  /** @returns {T[]} */
  const load = () => { try { return JSON.parse(localStorage.getItem(key) ?? '[]'); } catch { return []; } };
  /** @param {T[]} items */
  const save = items => { localStorage.setItem(key, JSON.stringify(items)); hooks.onChange(); };
  const send = hooks.send ?? (item => api(/** @type {string} */ (item.path), { method: item.method, body: item.body }));
  /** @type {Promise<void> | null} */
  let sending = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;

  async function sendAll() {
    for (let item = load()[0]; item; item = load()[0]) {
      let answer = null;
      try {
        answer = await send(item);
      } catch (e) {
        if (mustWait(e)) {
          clearTimeout(retry);
          retry = setTimeout(flush, retryMs);
          hooks.onWaiting?.(e, item);
          return;
        }
        hooks.onRefused(e, item);
      }
      await hooks.onSent(item, answer);
      const id = item.id;
      save(load().filter(p => p.id !== id));
    }
  }

  /** Sends what waits, in order; one run at a time. */
  function flush() {
    sending ??= sendAll().finally(() => { sending = null; });
    return sending;
  }

  addEventListener('online', () => { flush(); });

  return {
    list: load,
    /** Queues an item (given its id here) and tries to send it at once. @param {Omit<T, 'id'>} item */
    add(item) { save([...load(), /** @type {T} */ ({ ...item, id: newId() })]); return flush(); },
    flush,
  };
}
